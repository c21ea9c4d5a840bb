"""The ``tei-tools`` command line: a thin shell over the Python API.

Every module in this package that defines a click command named ``command`` becomes a
sub-command, so each layer (convert, validate, html, pdf, build, text) keeps its own file.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys

import click

from .. import __version__
from ..diagnostics import TeiToolsError, diagnostic


class _Group(click.Group):
    """Loads sub-commands from the modules of this package; turns TeiToolsError and file
    system errors into one line and exit 2."""

    def _commands(self) -> dict[str, click.Command]:
        found: dict[str, click.Command] = {}
        for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
            if info.name.startswith("_"):
                continue
            module = importlib.import_module(f"{__name__}.{info.name}")
            cmd = getattr(module, "command", None)
            if isinstance(cmd, click.Command):
                found[cmd.name or info.name] = cmd
        return found

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(self._commands())

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        return self._commands().get(name)

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except TeiToolsError as exc:
            click.echo(exc.diagnostic.format(), err=True)
            sys.exit(2)
        except (click.ClickException, click.exceptions.Exit, click.Abort, SystemExit):
            raise
        except OSError as exc:  # the file system said no (permissions, disk full, no such folder)
            click.echo(diagnostic("IO003", path=exc.filename and str(exc.filename),
                                  detail=exc.strerror or str(exc),
                                  hint="check that the folder exists, that you may write to it "
                                       "and that the disk has space").format(), err=True)
            sys.exit(2)
        except KeyboardInterrupt:
            click.echo("tei-tools: interrupted; files already written are complete (atomic "
                       "writes)", err=True)
            sys.exit(130)
        except Exception as exc:  # a bug: one clear line, the traceback only on request
            if ctx.params.get("debug"):
                raise
            click.echo(f"tei-tools: internal error: {type(exc).__name__}: {exc}\n"
                       "    hint: run again with `tei-tools --debug …` for the traceback, and "
                       "please report it", err=True)
            sys.exit(2)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="tei-tools")
@click.option("--debug", is_flag=True, help="Show tracebacks of internal errors.")
def main(debug: bool) -> None:
    """tei-tools: archival transcripts → TEI P5 → validated TEI → web and print editions.

    \b
    Typical use:
      tei-tools convert transcripts/ -o tei/      plain-text transcripts to TEI
      tei-tools validate tei/                     schema + Schematron, CI-grade reports
      tei-tools html tei/*.xml -o site/           static web pages
      tei-tools pdf tei/*.xml -o pdf/             print edition
      tei-tools build editions/NAME -o site/      all of the above for an edition folder
      tei-tools serve editions/NAME               preview it, rebuilt and reloaded as you edit
    """
