"""Issue 12, "a missing parameter can never reach a student again": every catalog key the code
names exists in both catalogs and is given every placeable its message uses (a static pass over
the code: ``Reply("key", {...})`` and button labels with literal keys and parameters), and
every message of both catalogs renders with sample values."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from fluent.syntax import ast as fluent
from fluent.syntax import parse
from fluent.syntax.visitor import Visitor

from bot.config import Resource
from bot.i18n import LOCALES_DIR, Catalog, catalog_keys

ROOT = LOCALES_DIR.parent
CODE = sorted(p for folder in ("bot", "flows", "handlers", "escalation", "routing", "storage")
              for p in (ROOT / folder).rglob("*.py"))
ALWAYS = {"program", "resources"}  # the catalog adds these to every message


class _Uses(Visitor):
    def __init__(self) -> None:
        super().__init__()
        self.variables: set[str] = set()
        self.messages: set[str] = set()

    def visit_VariableReference(self, node: fluent.VariableReference) -> None:  # noqa: N802
        self.variables.add(node.id.name)

    def visit_MessageReference(self, node: fluent.MessageReference) -> None:  # noqa: N802
        self.messages.add(node.id.name)


def _variables(lang: str) -> dict[str, set[str]]:
    """Each message's variables (those of messages it refers to included)."""
    direct: dict[str, tuple[set[str], set[str]]] = {}
    for path in sorted((LOCALES_DIR / lang).glob("*.ftl")):
        for entry in parse(path.read_text(encoding="utf-8")).body:
            if isinstance(entry, fluent.Message):
                uses = _Uses()
                uses.visit(entry)
                direct[entry.id.name] = (uses.variables, uses.messages)

    def closure(key: str, seen: frozenset[str] = frozenset()) -> set[str]:
        variables, refs = direct[key]
        return variables.union(*(closure(r, seen | {key}) for r in refs if r not in seen))

    return {key: closure(key) for key in direct}


VARIABLES = {lang: _variables(lang) for lang in ("id", "en")}
KEYS = catalog_keys("id") & catalog_keys("en")


def _literal(node: ast.expr | None) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _keys(node: ast.expr) -> list[str]:
    """The literal key(s) of an argument: "a", or both branches of ``"a" if x else "b"``."""
    if isinstance(node, ast.IfExp):
        return _keys(node.body) + _keys(node.orelse)
    literal = _literal(node)
    return [literal] if literal is not None else []


def _given(node: ast.expr | None) -> tuple[set[str], dict[str, ast.expr], bool]:
    """The parameter names a literal dict gives, its ``*_key`` values, and whether it is
    complete (no ``**spread`` and a literal at all)."""
    if node is None:
        return set(), {}, True
    if not isinstance(node, ast.Dict):
        return set(), {}, False
    names: set[str] = set()
    sub: dict[str, ast.expr] = {}
    complete = True
    for key, value in zip(node.keys, node.values, strict=True):
        name = _literal(key) if key is not None else None
        if name is None:
            complete = False
            continue
        if name.endswith("_key"):
            names.add(name.removesuffix("_key"))
            sub[name] = value
        else:
            names.add(name)
    return names, sub, complete


def _calls() -> list[tuple[str, ast.Call]]:
    found = []
    for path in CODE:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                name = node.func.attr if isinstance(node.func, ast.Attribute) else \
                    node.func.id if isinstance(node.func, ast.Name) else ""
                if name in ("Reply", "button"):
                    found.append((f"{path.relative_to(ROOT)}:{node.lineno}", node))
    return found


CALLS = _calls()


def _is_flow(node: ast.expr) -> bool:
    """The first argument of flows.buttons.button: a flow prefix (FLOW, "ss"), not a label."""
    literal = _literal(node)
    return isinstance(node, ast.Name | ast.Attribute) or literal is not None and \
        len(literal) <= 3


def _params_arg(call: ast.Call, index: int) -> ast.expr | None:
    for keyword in call.keywords:
        if keyword.arg == "params":
            return keyword.value
    return call.args[index] if len(call.args) > index else None


def test_every_key_the_code_names_exists_and_gets_every_placeable() -> None:
    problems: list[str] = []
    checked = 0
    for where, call in CALLS:
        is_reply = isinstance(call.func, ast.Name) and call.func.id == "Reply" or \
            isinstance(call.func, ast.Attribute) and call.func.attr == "Reply"
        if is_reply:
            keys = _keys(call.args[0]) if call.args else []
            params = _params_arg(call, 1)
        elif call.args and _is_flow(call.args[0]):
            keys = _keys(call.args[1]) if len(call.args) > 1 else []  # button(FLOW, label, …)
            params = _params_arg(call, 4)
        else:  # a flow's own button(label, event, value): no parameters
            keys = _keys(call.args[0]) if call.args else []
            params = None
        names, sub, complete = _given(params)
        for key in keys:
            if key not in KEYS:
                problems.append(f"{where}: {key!r} is not in both catalogs")
                continue
            checked += 1
            if not complete:
                continue
            for lang in ("id", "en"):
                missing = VARIABLES[lang][key] - names - ALWAYS
                if missing:
                    problems.append(f"{where}: {key!r} ({lang}) is not given {sorted(missing)}")
                for name, value in sub.items():
                    for inner in _keys(value):
                        if inner not in KEYS:
                            problems.append(f"{where}: {name}={inner!r} is not a catalog key")
                        elif VARIABLES[lang][inner] - names - ALWAYS:
                            problems.append(f"{where}: {inner!r} ({lang}) needs "
                                            f"{sorted(VARIABLES[lang][inner] - names)}")
    assert problems == []
    assert checked > 200, f"the pass found only {checked} literal keys: is it still reading?"


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    resources = {lang: [Resource(name="Darurat", contact="112")] for lang in ("id", "en")}
    return Catalog(["id", "en"], "id", "Sejawat", resources)


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("sample", [0, 1, 7, "Awan-100"])
def test_every_message_renders_completely_with_sample_values(
    catalog: Catalog, lang: str, sample: str | int,
) -> None:
    """Numbers (0, 1, many: every plural and zero branch) and words for every placeable."""
    broken = []
    for key in sorted(KEYS):
        values = dict.fromkeys(VARIABLES[lang][key] - ALWAYS, sample)
        try:
            text = catalog.render(lang, key, values)
        except Exception as exc:  # noqa: BLE001 - collected, reported together
            broken.append(f"{key}: {exc}")
            continue
        if "{" in text or "}" in text or "$" in text or not text.strip():
            broken.append(f"{key}: {text[:80]!r}")
    assert broken == []


def test_the_static_pass_would_see_a_missing_placeable(tmp_path: Path) -> None:
    """The pass itself: a Reply that leaves out a placeable is reported."""
    call = ast.parse('Reply("shifts-added", {"id": 3})').body[0]
    assert isinstance(call, ast.Expr)
    assert isinstance(call.value, ast.Call)
    names, _, complete = _given(_params_arg(call.value, 1))
    assert complete
    assert VARIABLES["en"]["shifts-added"] - names == {"name", "days", "start", "end"}


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_emergency_numbers_always_begin_on_a_line_of_their_own(
    catalog: Catalog, lang: str,
) -> None:
    """(A trial: "…Kalau kamu butuh bantuan sekarang: • Layanan darurat nasional…", the first
    number run onto the line of the sentence before it.)"""
    inline = []
    checked = 0
    for key in sorted(KEYS):
        if "resources" not in VARIABLES[lang][key]:
            continue
        checked += 1
        values = dict.fromkeys(VARIABLES[lang][key] - ALWAYS, "yes")  # ("yes": the branch
        text = catalog.render(lang, key, values)  # that says them, where one is chosen)
        if "• Darurat" not in text:
            continue
        inline += [f"{key}: {line[:60]!r}" for line in text.splitlines()
                   if "• Darurat" in line and not line.startswith("• Darurat")]
    assert checked > 10
    assert inline == []
