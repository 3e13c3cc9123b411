"""The rules of the time-expression grammar, one module per family; the order in which
they are tried is the table ``corpusmine.temporal.normalize.RULES``."""
