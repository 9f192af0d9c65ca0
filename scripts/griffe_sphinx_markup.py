"""A griffe extension for the API reference: Sphinx markup in docstrings, as Markdown.

peacetrack's docstrings follow the numpy/networkx convention: Sphinx roles
(``:class:`~peacetrack.timeline.Timeline```), ``>>>`` examples anywhere in the text
and ``::`` literal blocks. mkdocstrings renders docstrings as Markdown, where those
would show up raw (or, worse, ``['alloush']`` in an example would read as a link).
Before rendering, this extension rewrites each docstring:

- a role becomes a cross-reference to the object when it resolves (tried as
  written, then relative to the docstring's module, class and package), or plain
  code when it does not. References are marked optional, so an unresolved one never
  breaks ``mkdocs build --strict``;
- runs of ``>>>`` lines outside an ``Examples`` section, and ``::`` literal blocks,
  become fenced code blocks.

It is wired in ``mkdocs.yml`` (``extensions: [scripts/griffe_sphinx_markup.py]``) and
changes only what the docs show; the docstrings in the source stay as they are.
"""

from __future__ import annotations

import html
import re
from typing import Any

import griffe

_ROLE = re.compile(
    r":(?:py:)?(?P<role>class|func|meth|attr|mod|exc|data|obj):"
    r"`(?P<tilde>~?)(?P<body>[^`]+)`(?:\\ )?"
)
_TITLED = re.compile(r"^(?P<title>.*?)\s*<(?P<target>[^>]+)>$")
_SECTION_RULE = re.compile(r"^\s*-{3,}\s*$")


def _resolve(target: str, obj: Any, collection: Any) -> str | None:
    """The canonical path of ``target`` as seen from ``obj``, or None."""
    scopes = []
    scope = obj
    while scope is not None:
        scopes.append(scope.path)
        scope = scope.parent
    candidates = [target, *(f"{s}.{target}" for s in scopes)]
    for candidate in candidates:
        try:
            found = collection[candidate]
        except (KeyError, ValueError, griffe.AliasResolutionError, griffe.CyclicAliasError):
            continue
        try:
            return str(found.final_target.path if found.is_alias else found.path)
        except (griffe.AliasResolutionError, griffe.CyclicAliasError):
            return str(found.path)
    return None


def _roles(text: str, obj: Any, collection: Any) -> str:
    def replace(match: re.Match[str]) -> str:
        body = match["body"].strip()
        titled = _TITLED.match(body)
        target = titled["target"] if titled else body
        if titled:
            shown = titled["title"]
        elif match["tilde"]:
            shown = target.rsplit(".", 1)[-1]
        else:
            shown = target
        if match["role"] in ("func", "meth") and not titled and not shown.endswith(")"):
            shown += "()"
        code = f"<code>{html.escape(shown)}</code>"
        path = _resolve(target.rstrip("()"), obj, collection)
        if path is None:
            return code
        return f'<autoref identifier="{html.escape(path)}" optional>{code}</autoref>'

    return _ROLE.sub(replace, text)


def _blocks(text: str) -> str:
    """Fence ``>>>`` runs outside an Examples section, and ``::`` literal blocks."""
    lines = text.splitlines()
    out: list[str] = []
    section = ""
    i = 0
    while i < len(lines):
        line = lines[i]
        if i + 1 < len(lines) and _SECTION_RULE.match(lines[i + 1]) and line.strip():
            section = line.strip()
        stripped = line.lstrip()
        if stripped.startswith(">>>") and section != "Examples":
            indent = line[: len(line) - len(stripped)]
            out.append(f"{indent}```pycon")
            while i < len(lines) and lines[i].strip():
                out.append(lines[i])
                i += 1
            out.append(f"{indent}```")
            continue
        if line.rstrip().endswith("::") and not stripped.startswith(".."):
            out.append(line.rstrip()[:-1])
            i += 1
            block: list[str] = []
            while i < len(lines) and (not lines[i].strip() or lines[i].startswith((" ", "\t"))):
                block.append(lines[i])
                i += 1
            while block and not block[-1].strip():
                block.pop()
            body = [b for b in block if b.strip()]
            depth = min((len(b) - len(b.lstrip()) for b in body), default=0)
            out += ["", "```text", *(b[depth:] for b in block), "```", ""]
            continue
        out.append(line)
        i += 1
    return "\n".join(out)


class SphinxMarkup(griffe.Extension):
    """Rewrite Sphinx roles and reST blocks in every docstring of the package."""

    def on_package(self, *, pkg: griffe.Module, loader: griffe.GriffeLoader, **kwargs: Any) -> None:
        collection = loader.modules_collection
        stack: list[Any] = [pkg]
        while stack:
            obj = stack.pop()
            if obj.is_alias:
                continue
            if obj.docstring is not None:
                value = _roles(obj.docstring.value, obj, collection)
                obj.docstring.value = _blocks(value)
            stack.extend(obj.members.values())
