#!/usr/bin/env python3
"""DOMAIN.md's second worked example, computed exactly (fractions) from the rules as DOMAIN.md writes them.

Independent of the platform's code: the Java tests assert the figures this script prints.
Run: python3 docs/worked_example_2.py
"""
from datetime import date
from fractions import Fraction as F

YEAR_DAYS = (date(2027, 1, 1) - date(2026, 1, 1)).days  # fiscal year 2026: 365 days
W = 40
NON_LABOUR = {"C1": F(120000), "C2": F(60000)}


def share(first, last):
    """Days from first to last inclusive, over the year's days."""
    return F((last - first).days + 1, YEAR_DAYS)


JAN1, DEC31 = date(2026, 1, 1), date(2026, 12, 31)
# Spells: employee, center, share of the year, annual cost in effect, contracted weekly hours.
SPELLS = [
    ("Ana", "C1", share(JAN1, date(2026, 3, 31)), F(1200000), 40),   # 40 h until 31 March
    ("Ana", "C1", share(date(2026, 4, 1), DEC31), F(600000), 20),    # part time (20 h, 600,000) from 1 April
    ("Beto", "C1", share(JAN1, date(2026, 6, 30)), F(900000), 40),   # transferred on 1 July
    ("Beto", "C2", share(date(2026, 7, 1), DEC31), F(900000), 40),
    ("Carla", "C1", share(JAN1, DEC31), F(600000), 20),
    ("Diego", "C2", share(JAN1, DEC31), F(800000), 40),
    ("Elena", "C2", share(JAN1, date(2026, 9, 30)), F(500000), 40),  # left; last day 30 September
]
# Allocations: employee, product, interview's center, weekly hours.
ALLOCATIONS = [
    ("Ana", "P1", "C1", 15), ("Ana", "P2", "C1", 5), ("Beto", "P1", "C1", 40),
    ("Carla", "P1", "C1", 10), ("Carla", "P2", "C1", 10),
    ("Beto", "P3", "C2", 20), ("Beto", "P4", "C2", 20),
    ("Diego", "P3", "C2", 20), ("Diego", "P4", "C2", 16), ("Elena", "P4", "C2", 24), ("Elena", "P5", "C2", 10),
]
VOLUME = {"P1": 1200, "P2": 1, "P3": 12, "P4": 40, "P5": 0}
TERMINAL = {"P1", "P2"}
LINKS = {"P3": {"P1": 3, "P2": 1}, "P4": {"P1": 1}}  # intermediate -> terminal: weight


def compute(method):
    centers = {"C1", "C2"}
    payroll = {c: sum(s * r for e, cc, s, r, h in SPELLS if cc == c) for c in centers}
    staff_years = {c: sum(s for e, cc, s, r, h in SPELLS if cc == c) for c in centers}
    capacity = {c: (staff_years[c] * W if method == "classic"
                    else sum(s * h for e, cc, s, r, h in SPELLS if cc == c)) for c in centers}

    def price(spell):
        e, c, s, r, h = spell
        return payroll[c] / capacity[c] if method == "classic" else r / h

    def spells_of(employee, center):
        return [sp for sp in SPELLS if sp[0] == employee and sp[1] == center]

    labour, non_labour = {}, {}
    labour_of = {}  # employee -> labour
    labour_in = {c: F(0) for c in centers}
    hours_in = {c: F(0) for c in centers}
    for e, p, c, hours in ALLOCATIONS:
        for sp in spells_of(e, c):
            part = hours * sp[2] * price(sp)
            labour[p] = labour.get(p, F(0)) + part
            labour_of[e] = labour_of.get(e, F(0)) + part
            labour_in[c] += part
            hours_in[c] += hours * sp[2]
            non_labour[p] = non_labour.get(p, F(0)) + NON_LABOUR[c] * hours * sp[2] / capacity[c]
    direct = {p: labour.get(p, F(0)) + non_labour.get(p, F(0)) for p in VOLUME}
    full = {p: direct[p] for p in TERMINAL}
    for i, targets in LINKS.items():
        total = sum(targets.values())
        for t, w in targets.items():
            full[t] += direct[i] * w / total
    central = sum(direct[p] for p in VOLUME if p not in TERMINAL and p not in LINKS)
    capacity_cost = {}
    for e, c, s, r, h in SPELLS:
        capacity_cost[e] = capacity_cost.get(e, F(0)) + (s * payroll[c] / staff_years[c] if method == "classic" else s * r)
    unused_e = {e: capacity_cost[e] - labour_of.get(e, F(0)) for e in capacity_cost}
    unused_c = {c: payroll[c] + NON_LABOUR[c] - labour_in[c] - NON_LABOUR[c] * hours_in[c] / capacity[c] for c in centers}
    total = sum(payroll.values()) + sum(NON_LABOUR.values())
    assert sum(full.values()) + central + sum(unused_c.values()) == total, "reconciliation"
    return dict(payroll=payroll, staff_years=staff_years, capacity=capacity, labour=labour, non_labour=non_labour,
                direct=direct, full=full, central=central, unused_e=unused_e, unused_c=unused_c, total=total)


def cents(x):
    from decimal import Decimal, ROUND_HALF_UP
    return (Decimal(x.numerator) / Decimal(x.denominator)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


# Budget: PR1 delivers P1 (its chain) and plans 900 of P1's 1,200; PR3 delivers P1 through a common activity
# (no plan, no share: it takes what PR1's plan leaves); PR2 delivers P2. APNOP: pensions of 250,000.
PLANNED = {("PR1", "P1"): 900}
APNOP = F(250000)


def budget(r):
    full_p1 = r["full"]["P1"]
    pr1 = full_p1 * PLANNED[("PR1", "P1")] / VOLUME["P1"]
    pr3 = full_p1 - pr1
    pr2 = r["full"]["P2"]
    central = r["central"]
    unused = sum(r["unused_c"].values())
    assert pr1 + pr2 + pr3 + central + unused == r["total"], "budget reconciliation"
    return dict(PR1=pr1, PR2=pr2, PR3=pr3, central=central, unused=unused, apnop=APNOP, budget_total=r["total"] + APNOP)


if __name__ == "__main__":
    for method in ("classic", "individual"):
        r = compute(method)
        print(f"== {method}")
        for key in ("payroll", "staff_years", "capacity", "labour", "non_labour", "direct", "full", "unused_e", "unused_c"):
            print(key, {k: str(cents(v)) for k, v in sorted(r[key].items())})
        print("central", cents(r["central"]), "total", cents(r["total"]))
        print("unit", {p: (str(cents(r["direct"][p] / VOLUME[p])) if VOLUME[p] else "gap") for p in sorted(VOLUME)},
              "full unit P1", cents(r["full"]["P1"] / VOLUME["P1"]))
        print("budget", {k: str(cents(v)) for k, v in budget(r).items()})
        print("exact", {"full": {p: f"{v.numerator}/{v.denominator}" for p, v in r["full"].items()},
                        "direct": {p: f"{v.numerator}/{v.denominator}" for p, v in r["direct"].items()},
                        "central": f"{r['central'].numerator}/{r['central'].denominator}",
                        "unused": f"{sum(r['unused_c'].values()).numerator}/{sum(r['unused_c'].values()).denominator}"})
