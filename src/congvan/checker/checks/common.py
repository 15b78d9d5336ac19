"""What several checks share: judging an element's size, weight, slant and
case against ``rules.ELEMENTS``, and reporting a missing element."""

from __future__ import annotations

from ... import rules
from ...rules import ELEMENTS
from .. import edits
from ..context import Ctx
from ..view import Para

LONG = 80  # characters: a paragraph long enough to wrap, so its alignment shows


def pt(size: float) -> str:
    return f"{size:g} pt"


def several(ctx: Ctx, paras: list[Para]) -> str:
    more = f" (+{len(paras) - 1})" if len(paras) > 1 else ""
    return ctx.where(paras[0]) + more


def element_format(ctx: Ctx, rule_id: str, para: Para, key: str, what: str) -> None:
    """Size within its range, weight, slant and case as ELEMENTS[key] sets them."""
    element = ELEMENTS[key]
    allowed = sorted({element.size.small, element.size.large})
    wanted = element.size.pt(ctx.profile or rules.DEFAULT_PROFILE)
    bad = sorted(s for s in para.sizes() if s not in allowed)
    span = "–".join(pt(s) for s in allowed)
    if bad:
        ctx.breach(rule_id, ctx.where(para), ", ".join(map(pt, bad)), span,
                   f"{what}: cỡ chữ {', '.join(map(pt, bad))}, quy định {span}",
                   f"{what}: size {', '.join(map(pt, bad))}, required {span}", edits.set_runs(para, size=wanted))
    for attr, vi, en in (("bold", "đậm", "bold"), ("italic", "nghiêng", "italic")):
        want = getattr(element, attr)
        has = para.all(attr) if want else para.any(attr)
        if has != want:
            not_vi, not_en = ("", "") if want else ("không ", "not ")
            ctx.breach(rule_id, ctx.where(para), en if has else f"not {en}", f"{not_en}{en}",
                       f"{what}: phải {not_vi}{vi}", f"{what}: must be {not_en}{en}", edits.set_runs(para, **{attr: want}))
    if element.upper and not para.upper:
        ctx.breach(rule_id, ctx.where(para), "chữ thường / lower case", "IN HOA / UPPER CASE",
                   f"{what}: phải viết IN HOA", f"{what}: must be in upper case")


def missing(ctx: Ctx, rule_id: str, vi: str, en: str) -> None:
    ctx.breach(rule_id, "trang 1 / page 1", "không có / none", vi, f"Thiếu {vi}", f"{en} is missing")
