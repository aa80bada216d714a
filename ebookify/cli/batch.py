"""``ebookify a.txt b.md stories/``: many stories in one command, converted in parallel.

Worker processes run the library (read the story and its sidecar, ``pipeline.convert``) and hand
back the book's bytes; this process alone names and writes the books, atomically, so nothing
partial is ever left, and a failure in one story is one ``Error:`` line while the rest go on.

Names are stable: they are given in the order the stories were listed (a folder's stories
sorted by path, numbers as numbers), ``<title>.epub``, then ``<title>-2.epub`` for the next
story of the same name, whichever finished first. A book that finishes early waits in memory until the stories before
it are named. Exit 0 when every book was written, ``SOME_FAILED`` when some were not, 1 when
none was.

Re-running over a folder updates the books (``updating.py``): a worker that finds, under the
name its story would get, a book with the same identifier rebuilds that book, in parallel like
any conversion. Only books the folder held when the batch began count (``Shelf``), never one it
has just written. Only the name this process finally gives is certain, so it checks that file
still holds the bytes the worker rebuilt from, and otherwise does the story again itself against
the right one (rare: two different stories of one title).
"""

from __future__ import annotations

import multiprocessing
import os
import re
import signal
import sys
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import TYPE_CHECKING, Iterator

from msgspec import Struct, field
import typer

from ..errors import EbookifyError, InputError, UsageError
from . import files, interrupts, report, updating

if TYPE_CHECKING:
    from ..options import Options

STORY_SUFFIXES = (".txt", ".md", ".markdown", ".text")  # what a folder's stories end in
SOME_FAILED = 5  # errors.EXIT_CODES


class Choices(Struct, frozen=True):
    """What the command line asked of the batch, beside the conversion's ``Options``."""

    output: str | None = None
    meta: Path | None = None
    force: bool = False
    no_clobber: bool = False
    recursive: bool = False
    jobs: int | None = None
    quiet: bool = False
    verbose: bool = False
    one_story_only: bool = False  # --check or --debug-structure, which take one story
    replace: bool = False  # a book with the story's identifier is made afresh, not updated
    backup: bool = True  # an updated book's old self stays as BOOK.epub.bak

    @property
    def updates(self) -> bool:
        return not (self.replace or self.no_clobber)


class Done(Struct, frozen=True):
    """One story's outcome, as a worker sends it back: the book, or the one-line error."""

    index: int
    source: Path
    built: updating.Built | None = None
    error: str = ""


def collect(paths: list[Path], recursive: bool) -> list[Path]:
    """The stories to convert, in the order given; a folder gives its stories sorted by path.
    A path that is not there stays in the list, so it fails (and is reported) like any story.
    The same file named twice is converted once."""
    stories: list[Path] = []
    for path in paths:
        if files.is_folder(path):
            found = path.rglob("*") if recursive else path.iterdir()
            stories.extend(sorted((p for p in found if p.suffix.lower() in STORY_SUFFIXES and p.is_file()
                                   and not p.name.startswith(".")), key=_natural))
        else:
            stories.append(path)
    seen: set[Path] = set()
    unique = []
    for story in stories:
        key = story.resolve()
        if key not in seen:
            seen.add(key)
            unique.append(story)
    if not unique:
        raise InputError(f"no stories found in {', '.join(map(str, paths))}",
                         f"stories end in {', '.join(STORY_SUFFIXES)}" + ("" if recursive else "; --recursive looks in sub-folders"))
    return unique


def _natural(path: Path) -> list:
    """chapter-2 before chapter-10, as a reader counts."""
    return [[(0, int(bit), "") if bit.isdigit() else (1, 0, bit.casefold()) for bit in re.split(r"(\d+)", part)]
            for part in path.parts]


def convert_one(job: tuple[int, Path, Path | None, Options, updating.Shelf | None]) -> Done:
    """A worker's whole task: the library, never the command. Every failure is one line.
    ``shelf``: the books it may update (None: make every book afresh)."""
    index, source, meta, base, shelf = job
    try:
        built = _book(source, meta, base, shelf.candidates if shelf else lambda stem: ())
    except EbookifyError as error:
        return Done(index, source, error=_story_error(source, report.error_line(error)))
    except Exception as error:  # noqa: BLE001  (a bug met in one story must not stop the others)
        return Done(index, source, error=_story_error(
            source, f"Error: {type(error).__name__}: {error} (a bug in ebookify: please report it with the input file)"))
    return Done(index, source, built)


def _book(source: Path, meta: Path | None, base: Options, places) -> updating.Built:
    """The story's book; ``places(stem)`` lists the books it may update, given its name's stem."""
    from ..pipeline import read

    data, options = files.read_story(source, meta, base)
    story = read(data, options)
    stem = files.book_name(story.book.metadata.title, source, suffix="")
    return updating.build(story, data, options, places(stem))


def _story_error(source: Path, line: str) -> str:
    """``Error: stories/b.txt: …``, unless the message already names the file."""
    message = line.removeprefix("Error: ")
    return line if str(source) in message else f"Error: {files.shown(source)}: {message}"


def _worker_signals() -> None:
    """Ctrl-C reaches every process of the terminal's group: only the main process acts on it
    (and stops the workers), so a worker never dies half-way through a message."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


class _Workers:
    """Worker processes, forked where the platform can (they start with this process's imports).
    Not ``multiprocessing.Pool``: its thread that watches the workers also wakes whenever a result
    waits in the pipe, and a book of 200 KB waits there for several reads, so it spun through a
    tenth of this process's time in a 200-story batch, time the workers' cores lacked; and a
    worker that died left it waiting for ever."""

    def __init__(self, count: int, jobs: list) -> None:
        methods = multiprocessing.get_all_start_methods()
        context = multiprocessing.get_context("fork" if "fork" in methods else None)
        self.executor = ProcessPoolExecutor(count, mp_context=context, initializer=_worker_signals)
        self.jobs = {self.executor.submit(convert_one, job): job for job in jobs}

    def results(self) -> Iterator[Done]:
        """Each story's outcome as soon as it is there. A worker that dies (the machine out of
        memory, a crash in a library) fails the stories not yet done, each with its line."""
        for future in as_completed(self.jobs):
            try:
                yield future.result()
            except BrokenProcessPool:
                index, source = self.jobs[future][:2]
                yield Done(index, source, error=_story_error(source, "Error: not converted: a worker process "
                                                                    "stopped unexpectedly (out of memory, or a bug in ebookify)"))

    def close(self) -> None:
        """Every story is done: the idle workers are told to leave, and do."""
        self.executor.shutdown(wait=True)


def _stop_workers(before: set) -> bool:
    """The batch stops: the worker processes started since ``before`` stop now (nothing of theirs
    is on disk: this process writes every book). Whether there were any."""
    started = set(multiprocessing.active_children()) - before
    for process in started:
        process.terminate()
    return bool(started)


def cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


class Names:
    """Book names in list order: the first story called "Night" gets night.epub, the next night-2.epub."""

    def __init__(self) -> None:
        self.taken: set[str] = set()

    def claim(self, title: str, source: Path) -> str:
        stem = files.book_name(title, source, suffix="")
        name, number = stem, 1
        while name.casefold() in self.taken:
            number += 1
            name = f"{stem}-{number}"
        self.taken.add(name.casefold())
        return name + ".epub"


def run(paths: list[Path], base: Options, choices: Choices) -> None:
    started = time.perf_counter()
    try:
        if choices.one_story_only:
            raise UsageError("--check, --require-check and --debug-structure take one story at a time")
        if choices.output and not files.is_folder_target(choices.output) and choices.output.lower().endswith(".epub"):
            raise UsageError(f"{choices.output}: with several stories, -o names a folder (end it with /)")
        stories = collect(paths, choices.recursive)
        folder = Path(choices.output) if choices.output else files.DEFAULT_FOLDER
        files.make_folder(folder)
    except EbookifyError as error:
        report.fail(error)
    shelf = updating.Shelf.of(folder) if choices.updates else None
    jobs = [(index, story, choices.meta, base, shelf) for index, story in enumerate(stories)]
    workers = max(1, min(choices.jobs or cores(), len(jobs)))
    show = Display(len(jobs), choices.quiet, choices.verbose)
    tally = Tally()
    names, waiting, next_index = Names(), {}, 0
    pool = None
    before = set(multiprocessing.active_children())
    try:
        if workers > 1:
            pool = _Workers(workers, jobs)
            results: Iterator[Done] = pool.results()
        else:
            results = map(convert_one, jobs)
        with show:
            for done in results:
                show.advance(done.source)
                waiting[done.index] = done
                while next_index in waiting:
                    _finish(waiting.pop(next_index), names, folder, choices, base, show, tally)
                    next_index += 1
    except interrupts.Interrupted:
        interrupts.book_is_safe()  # a second Ctrl-C must not cut the clean-up short
        typer.echo(f"Error: interrupted; {tally.written} book{'s' if tally.written != 1 else ''} written, "
                   f"{len(jobs) - tally.written - len(tally.failed)} stories not converted, nothing partial left",
                   err=True)
        if not _stop_workers(before):
            raise typer.Exit(130) from None
        sys.stdout.flush()
        sys.stderr.flush()
        # Not a normal exit, which joins the executor's threads: the signal may have cut this
        # process short inside one of their locks (then the join waits for ever).
        os._exit(130)
    except BaseException:
        _stop_workers(before)
        raise
    if pool is not None:
        pool.close()
    show.summary(tally, time.perf_counter() - started)
    if tally.failed:
        raise typer.Exit(SOME_FAILED if tally.written else 1)


class Tally(Struct):
    """What a batch did, counted as books are written, for the summary line."""

    written: int = 0
    updated: int = 0
    unchanged: int = 0
    words: int = 0
    warnings: int = 0  # not printed unless --verbose: 200 stories without an author would be 200 lines
    failed: list[str] = field(default_factory=list)

    def book_written(self, built: updating.Built, update: bool) -> None:
        self.written += 1
        self.unchanged += built.unchanged
        self.updated += update and not built.unchanged


def _finish(done: Done, names: Names, folder: Path, choices: Choices, base: Options, show: Display, tally: Tally) -> None:
    """Name and write one book, in list order; its failure is the story's own."""
    built = done.built
    if built is not None:
        name = names.claim(built.title, done.source)
        try:
            target = files.target_path(str(folder) + os.sep, name, done.source, choices.force, choices.no_clobber)
            old = updating.current(target, built)
            if choices.updates and old is None and _stale(built, target):
                built = _book(done.source, choices.meta, base, lambda stem: [target])
                old = updating.current(target, built)
            updating.refuse_lost(built, done.source, choices.force)
            updating.write(target, built, old, choices.backup,  # counted before a signal can land
                           then=lambda: tally.book_written(built, old is not None))
        except EbookifyError as error:
            done = Done(done.index, done.source, error=_story_error(done.source, report.error_line(error)))
    if done.error:
        tally.failed.append(done.error)
        show.failed(done.error)
        return
    tally.words += built.words
    tally.warnings += sum(f.severity != "info" for f in built.findings)
    if choices.verbose:
        for line in (*map(report.finding_line, built.findings), *built.notes):
            show.warning(f"{files.shown(done.source)}: {line}")
    if built.changes and built.changes.lost and not choices.quiet:
        show.warning(f"warning: {files.shown(target)} lost {', '.join(built.changes.lost)} (--force)")
    show.written(f"{built.line(target)} ({files.shown(done.source)})")


def _stale(built: updating.Built, target: Path) -> bool:
    """The worker's book is not the one for ``target``: it updates another file (or the file
    changed since), or it is new while ``target`` holds this story's book."""
    return built.basis is not None or updating.same_book(target, built.identifier) is not None


class Display:
    """A rich progress bar on a terminal (books done, the story just converted, time left); one
    plain line per book anywhere else (CI, a pipe, a log); nothing but errors with --quiet."""

    def __init__(self, total: int, quiet: bool, verbose: bool) -> None:
        self.quiet, self.verbose = quiet, verbose
        self.bar = None
        if not quiet and sys.stdout.isatty():
            from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TextColumn,
                                       TimeRemainingColumn)

            self.bar = Progress(TextColumn("[bold]Converting"), BarColumn(), MofNCompleteColumn(), TextColumn("books"),
                                TimeRemainingColumn(), TextColumn("{task.fields[story]}", style="dim"), transient=True)
            self.task = self.bar.add_task("books", total=total, story="")

    def __enter__(self) -> Display:
        if self.bar is not None:
            self.bar.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()

    def advance(self, source: Path) -> None:
        if self.bar is not None:
            self.bar.update(self.task, advance=1, story=source.name)

    def written(self, line: str) -> None:
        if self.bar is None and not self.quiet:
            typer.echo(line)

    def warning(self, line: str) -> None:
        self._err(line)

    def failed(self, line: str) -> None:
        self._err(line)

    def _err(self, line: str) -> None:
        if self.bar is not None:
            self.bar.console.print(line, style="red", markup=False, highlight=False)
        else:
            typer.echo(line, err=True)

    def summary(self, tally: Tally, seconds: float) -> None:
        if self.quiet:
            return
        written = tally.written - tally.unchanged  # an unchanged book is in place, but nothing was written
        books = f"{written} book{'s' if written != 1 else ''} written"
        books += f" ({tally.updated} updated)" if tally.updated else ""
        books += f", {tally.unchanged} unchanged" if tally.unchanged else ""
        failed = f", {len(tally.failed)} failed" if tally.failed else ""
        warned = f" ({tally.warnings} warnings: --verbose prints them)" if tally.warnings and not self.verbose else ""
        typer.echo(f"{books}{failed}, {tally.words:,} words in {seconds:.1f} s{warned}")
        for line in tally.failed:
            typer.echo(f"  failed: {line.removeprefix('Error: ')}", err=True)
