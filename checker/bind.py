"""Mention + gazetteer -> Claim (placeholder: nothing bound)."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from checker.model import Article, Claim, Mention
from checker.reference import ReferenceData


def claim_id(m: Mention) -> str:
    digest = hashlib.sha1(f"{m.article}\0{m.start}\0{m.end}\0{m.kind}".encode()).hexdigest()
    return "C" + digest[:10]


def bind_mentions(article: Article, mentions: Sequence[Mention], ref: ReferenceData) -> list[Claim]:
    return [Claim(id=claim_id(m), mention=m) for m in mentions]
