"""The hybrid logical clock keeps stamps ordered, unique and fixed-width."""

from village_desk.core.storage.clock import MAX_COUNTER, HybridClock


def test_stamps_stay_ordered_when_the_wall_clock_stands_still():
    clock = HybridClock("AAA", wall=lambda: 1_700_000_000.0)
    stamps = [clock.tick() for _ in range(MAX_COUNTER + 50)]
    assert stamps == sorted(stamps)
    assert len(set(stamps)) == len(stamps)
    assert {len(s) for s in stamps} == {len(stamps[0])}  # string order = causal order


def test_a_restarted_clock_continues_after_the_last_stamp():
    frozen = lambda: 1_700_000_000.0  # noqa: E731
    first = HybridClock("AAA", wall=frozen)
    last = [first.tick() for _ in range(MAX_COUNTER + 5)][-1]
    again = HybridClock("AAA", last=last, wall=frozen)
    assert again.tick() > last


def test_a_stamp_from_far_in_the_future_is_not_adopted():
    clock = HybridClock("AAA", wall=lambda: 1_700_000_000.0)
    before = clock.tick()
    clock.observe(f"{(1_700_000_000 + 10 * 86400) * 1000:013d}-0000-BBB")  # ten days ahead
    assert clock.tick()[:13] == before[:13]
    clock.observe(f"{1_700_000_000 * 1000 + 5000:013d}-0003-BBB")  # five seconds ahead: adopted
    assert clock.tick() > f"{1_700_000_000 * 1000 + 5000:013d}-0003"
