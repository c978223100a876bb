"""`canvas-wizard serve`: the wizard in a browser, through textual-serve, on localhost by default."""

from __future__ import annotations

import argparse
import asyncio
import logging
import re
import shlex
import signal
import sys
from pathlib import Path
from typing import Any

import aiohttp_jinja2
import jinja2
from aiohttp import web
from textual_serve.app_service import AppService
from textual_serve.server import Server, to_int

from wizard.commands.launch import checked_sections, plan_of
from wizard.commands.serve_pool import WarmAppService, WarmPool, warm_command
from wizard.core.coach_request import Request
from wizard.files.banks import load_catalog
from wizard.files.errors import UserFileError
from wizard.model.safetext import file_name

PAGE = "app_index.html"
# textual-serve's page asks a web font service for Roboto Mono, yet ships the font itself:
# use the shipped copy, so the page needs nothing but this server (remote sessions are
# often offline, and a font request leaks who is using the wizard).
LOCAL_FONTS = """<style>
      @font-face { font-family: "Roboto Mono"; font-style: normal;
        src: url("{{ config.static.url }}fonts/RobotoMono-VariableFont_wght.ttf"); }
      @font-face { font-family: "Roboto Mono"; font-style: italic;
        src: url("{{ config.static.url }}fonts/RobotoMono-Italic-VariableFont_wght.ttf"); }
    </style>"""
KEYS_SCRIPT = Path(__file__).with_name("serve_page.js")
"""Keys from the first one, and the focus kept on the terminal (see the script)."""
REMOTE_LINK = re.compile(r"<link\b[^>]*\bhref=\"https?://[^\"]*\"[^>]*>", re.DOTALL)
LOOPBACK = ("localhost", "127.0.0.1", "::1")


def wizard_command(file: Path | None, banks: Path | None, coach: bool, theme: str | None = None,
                   plan: Request | None = None) -> str:
    """The shell command that runs the wizard; textual-serve hands it to a shell, so every part is quoted."""
    # -P: a wizard.py or wizard/ in the folder the server runs in must not stand in for ours; unless
    # ours is that folder's (a source checkout), which -P would hide.
    ours_here = Path(__file__).resolve().parents[2] == Path.cwd().resolve()
    argv = [sys.executable, *([] if ours_here else ["-P"]), "-m", "wizard"]
    if file is not None:
        argv.append(str(file.absolute()))  # absolute: never read as an option, whatever the name
    if coach:
        argv.append("--coach")
    if plan is not None and plan.minutes is not None:
        argv += ["--minutes", str(plan.minutes)]
    if plan is not None and plan.sections is not None:
        argv += ["--sections", ",".join(plan.sections)]
    if banks is not None:
        argv += ["--banks", str(banks.absolute())]
    if theme is not None:
        argv += ["--theme", theme]
    return shlex.join(argv)


def offline_page(source: str) -> str:
    """textual-serve's page template with every remote stylesheet replaced by the fonts it
    ships, and our script before its own (so it sees the connection its script opens)."""
    script = f"<script>{{% raw %}}{KEYS_SCRIPT.read_text(encoding='utf-8')}{{% endraw %}}</script>"
    return REMOTE_LINK.sub(lambda _: LOCAL_FONTS + "\n    " + script, source, count=1)


def public_url(host: str, port: int) -> str:
    return f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"


WARM_AT_START = 20.0
"""Seconds the server waits for its first warm wizard before it says where to point the browser."""
CLOSE_WITHIN = 10.0
"""Seconds the visitors' wizards have, once the server stops, to close by themselves (Ctrl+C
reaches them too, and each is sent textual-serve's quit) before SIGTERM tells each to close
as Ctrl+Q would, saving every answer. A second Ctrl+C skips the wait."""
KILL_AFTER = 10.0
"""Seconds more before a wizard still running is ended (its drafts keep what was typed);
a third Ctrl+C skips this wait too. The server itself never outlives the two."""


class WizardServer(Server):
    """textual-serve's server with an offline page, quiet logs, our own start and stop, and
    a wizard kept ready for the next visitor (serve_pool.py)."""

    def __init__(self, command: str, **kwargs: Any) -> None:
        super().__init__(command, **kwargs)
        self.pool = WarmPool(warm_command(command), self._environment)
        self.visitors: set[WarmAppService] = set()

    def _environment(self) -> dict[str, str]:
        # textual-serve's own environment for a visitor's process (its driver, colours and
        # the like); the terminal size is the visitor's, sent when one arrives.
        service = AppService(self.command, write_bytes=_nowhere, write_str=_nowhere, close=_nowhere,
                             download_manager=self.download_manager)
        return service._build_environment()

    def initialize_logging(self) -> None:
        # Problems only: a line per browser request would bury the URL the user needs.
        logging.basicConfig(level=logging.WARNING, format="canvas-wizard: %(message)s")

    async def _make_app(self) -> web.Application:
        app = await super()._make_app()
        source = (self.templates_path / PAGE).read_text(encoding="utf-8")
        aiohttp_jinja2.setup(app, loader=jinja2.DictLoader({PAGE: offline_page(source)}))
        return app

    async def on_startup(self, app: web.Application) -> None:
        """Replaces textual-serve's banner: the URL is printed once the port is really ours."""

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        """textual-serve's handler, with the visitor's process taken from the pool."""
        websocket = web.WebSocketResponse(heartbeat=15)
        width = to_int(request.query.get("width", "80"), 80)
        height = to_int(request.query.get("height", "24"), 24)
        app_service: WarmAppService | None = None
        try:
            await websocket.prepare(request)
            app_service = WarmAppService(self.command, self.pool, write_bytes=websocket.send_bytes,
                                         write_str=websocket.send_str, close=websocket.close,
                                         download_manager=self.download_manager, debug=self.debug)
            self.visitors.add(app_service)
            await app_service.start(width, height)
            try:
                await self._process_messages(websocket, app_service)
            finally:
                await app_service.stop()
        except asyncio.CancelledError:
            await websocket.close()
        except Exception as error:
            logging.getLogger("canvas-wizard").exception(error)
        finally:
            if app_service is not None:
                await app_service.stop()
                self.visitors.discard(app_service)
        return websocket

    async def run_until_stopped(self) -> None:
        stop, hurry = asyncio.Event(), asyncio.Event()

        def stopping() -> None:
            if stop.is_set():  # asked again while stopping: the next step now
                hurry.set()
            stop.set()

        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(sig, stopping)
        runner = web.AppRunner(await self._make_app(), shutdown_timeout=5)
        await runner.setup()
        self.pool.start()
        try:
            await web.TCPSite(runner, self.host, self.port).start()
            # The address once the first visitor's wizard is ready (a second or so), so
            # that whoever opens it at once does not wait for a start-up.
            # A Ctrl+C meanwhile stops it without pointing anyone at a server that is going.
            waits = [asyncio.ensure_future(self.pool.ready(WARM_AT_START)), asyncio.ensure_future(stop.wait())]
            await asyncio.wait(waits, return_when=asyncio.FIRST_COMPLETED)
            for wait in waits:
                wait.cancel()
            if not stop.is_set():
                print(f"canvas-wizard: open {self.public_url} in a browser (Ctrl+C stops)", flush=True)
                await stop.wait()
        finally:
            await self.pool.close()
            ending = asyncio.create_task(self._end_visitors(hurry))
            try:
                # Closes each browser's connection, which quits the wizard behind it; it
                # returns once each wizard has ended, which _end_visitors makes sure of.
                await asyncio.wait_for(runner.cleanup(), CLOSE_WITHIN + KILL_AFTER + 5)
            except TimeoutError:
                logging.getLogger("canvas-wizard").warning("stopped without closing every connection")
            finally:
                ending.cancel()

    async def _end_visitors(self, hurry: asyncio.Event) -> None:
        """Make sure no visitor's wizard outlives the server: SIGTERM for those still running
        after CLOSE_WITHIN, SIGKILL for those still running KILL_AFTER later."""
        for signum, wait in ((signal.SIGTERM, CLOSE_WITHIN), (signal.SIGKILL, KILL_AFTER)):
            deadline = asyncio.get_running_loop().time() + wait
            while self._lingering() and not hurry.is_set() and asyncio.get_running_loop().time() < deadline:
                await asyncio.sleep(0.1)
            hurry.clear()
            lingering = self._lingering()
            if not lingering:
                return
            logging.getLogger("canvas-wizard").warning(
                "a visitor's wizard had not closed; told it to close (its answers are saved as it does)"
                if signum == signal.SIGTERM else
                "a visitor's wizard did not close; it was ended (its drafts keep what was typed)")
            for visitor in lingering:
                visitor.end(signum)

    def _lingering(self) -> list[WarmAppService]:
        return [visitor for visitor in self.visitors if visitor.running()]


async def _nowhere(*_: Any) -> None:
    """A visitor's output, for an AppService made only to read its environment."""


def run(args: argparse.Namespace) -> int:
    if not 1 <= args.port <= 65535:
        print("canvas-wizard serve: error: --port takes a number from 1 to 65535", file=sys.stderr)
        return 2
    if args.theme is not None:
        from wizard.tui.settings import theme_names, unknown_theme

        if args.theme not in theme_names():  # here, not in every browser tab
            print(f"canvas-wizard serve: error: --theme: {unknown_theme(args.theme)}", file=sys.stderr)
            return 2
    catalog = load_catalog(args.banks)  # a bad --banks folder fails here, not in every browser tab
    plan = plan_of(args)  # as is a session's plan the banks cannot follow
    if isinstance(plan, Request):
        plan = checked_sections(plan, catalog)
    if isinstance(plan, str):
        print(f"canvas-wizard serve: error: {plan}", file=sys.stderr)
        return 2
    file: Path | None = args.file
    if file is not None and file.is_dir():
        raise UserFileError(file, "this is a folder; give a canvas file (.toml)")
    title = f"canvas-wizard {file_name(file.name)}" if file is not None else "canvas-wizard"  # the page's title
    server = WizardServer(wizard_command(file, args.banks, args.coach, args.theme, plan), host=args.host,
                          port=args.port, title=title, public_url=public_url(args.host, args.port))
    server.initialize_logging()
    if args.host not in LOOPBACK:
        print(f"canvas-wizard: warning: anyone who can reach {server.public_url} can use the wizard "
              "and save files as you", file=sys.stderr)
    try:
        asyncio.run(server.run_until_stopped())
    except KeyboardInterrupt:  # Ctrl+C before the signal handlers were in place
        pass
    except OSError as exc:
        print(f"canvas-wizard: cannot serve on {server.public_url}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    print("canvas-wizard: stopped", flush=True)
    return 0
