"""/stats hands the catalog the average rating as a number, so each reader sees it written their
way (``4,3`` / ``4.3``, ``4`` rather than ``4,0``), and says when there are no ratings yet."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest

from bot.i18n import Catalog
from flows.types import Reply
from handlers import coordinator


class _Repo:
    def __init__(self, **answers: Any) -> None:
        for name, value in answers.items():
            setattr(self, name, self._answer(value))

    @staticmethod
    def _answer(value: Any) -> Any:
        async def answer(*_: Any) -> Any:
            return value
        return answer


def _uow(ratings: list[int]) -> Any:
    counts = dict.fromkeys(("requests", "queued", "active", "closed", "counselor_active",
                            "counselor_closed", "escalations", "open_escalations"), 2)
    return SimpleNamespace(feedback=_Repo(ratings=ratings),
                           members=_Repo(all=[SimpleNamespace(on_duty=True)]),
                           privacy=_Repo(counts=counts))


@pytest.mark.parametrize(("ratings", "id_line", "en_line"), [
    ([4, 4], "Rata-rata umpan balik: 4 dari 5 (2 penilaian)",
     "Average feedback: 4 of 5 (2 ratings)"),
    ([5, 4, 4], "Rata-rata umpan balik: 4,3 dari 5 (3 penilaian)",
     "Average feedback: 4.3 of 5 (3 ratings)"),
    ([], "Rata-rata umpan balik: belum ada penilaian", "Average feedback: no ratings yet"),
])
async def test_the_average_rating_is_written_the_readers_way(
    ratings: list[int], id_line: str, en_line: str,
) -> None:
    [reply] = await coordinator.stats(_uow(ratings), None, None, None)  # type: ignore[arg-type]
    assert isinstance(reply, Reply)
    catalog = Catalog(["id", "en"], "id", "Sejawat", {})
    assert catalog.render("id", reply.key, reply.params).splitlines()[-1] == id_line
    assert catalog.render("en", reply.key, reply.params).splitlines()[-1] == en_line
