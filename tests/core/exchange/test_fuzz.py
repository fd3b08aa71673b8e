"""Damaged exchange files, generated: whatever happens to a file on a stick
(bytes flipped, cut short, bits of another file pasted in), importing it is a
clear refusal — a ``ServiceError`` with a message — and changes nothing."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tests.core.exchange.test_package import SECRET, Copy, add_household, state
from village_desk.core.domain.errors import ServiceError
from village_desk.core.exchange import package


@pytest.fixture(scope="module")
def setting(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("fuzz")
    a, b = Copy(tmp, "a"), Copy(tmp, "b")
    for n in range(1, 6):
        add_household(a, f"01-{n:03d}", f"户主{n}", phone=f"1380000{n:04d}")
    good = a.export(tmp / "good.vdx").path.read_bytes()
    return b, good, tmp


damage = st.one_of(
    st.tuples(
        st.just("flip"),
        st.lists(st.tuples(st.integers(0), st.integers(1, 255)), min_size=1, max_size=4),
    ),
    st.tuples(st.just("cut"), st.integers(0)),
    st.tuples(st.just("insert"), st.tuples(st.integers(0), st.binary(min_size=1, max_size=64))),
    st.tuples(st.just("drop"), st.tuples(st.integers(0), st.integers(1, 64))),
    st.tuples(st.just("append"), st.binary(min_size=1, max_size=64)),
)


def damaged(good: bytes, how) -> bytes:
    kind, what = how
    data = bytearray(good)
    if kind == "flip":
        for at, mask in what:
            data[at % len(data)] ^= mask
    elif kind == "cut":
        del data[what % len(data) :]
    elif kind == "insert":
        at, extra = what
        data[at % (len(data) + 1) : at % (len(data) + 1)] = extra
    elif kind == "append":
        data += what
    else:
        at, n = what
        del data[at % len(data) : at % len(data) + n]
    return bytes(data)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(how=damage)
@example(how=("append", b"\x00"))
@example(how=("cut", 9))
def test_a_damaged_file_is_refused_with_a_message_and_changes_nothing(setting, how):
    b, good, tmp = setting
    data = damaged(good, how)
    if data == good:
        return
    path = tmp / "damaged.vdx"
    path.write_bytes(data)
    before = state(b)
    with pytest.raises(ServiceError) as refused:
        package.import_package(b.db, path, secret=SECRET, confirm_new=lambda _c: True)
    assert str(refused.value)  # a message for the cadre
    assert state(b) == before
