"""Report: tables, JSON and CSV for the query commands; Markdown and HTML reports."""
