#!/usr/bin/env python3
"""Writes the demo institution's first round as the CSV exports of a PPI Airtable base (the seed's platform).

The files under launcher/src/test/resources/airtable/defensoria/ are what `./ppi import-airtable` reads in its
tests: one CSV per table, named like Airtable names a grid view's export ("<table>-Grid view.csv"), with its
column names, its checkbox ("checked"), multiple-select (comma-separated) and currency ("RD$1,234.56") formats.
The table "Costos producción" holds the seed's cost-by-product rows computed the seed's way, in exact fractions
and rounded half-up to cents once:

    share(e,p) = hours(e,p) / (employees(c) x 40);  cost(e,p) = share(e,p) x payroll(c);  unit = cost(e,p) / volume(p)

so the platform reproducing them to the cent after an import is a check made by nobody's Java.
Run from the project root: python3 docs/airtable_export.py
"""
import csv
import json
from decimal import Decimal, ROUND_HALF_UP
from fractions import Fraction
from pathlib import Path

DEMO = Path("launcher/src/main/resources/demo/defensoria-demo.json")
OUT = Path("launcher/src/test/resources/airtable/defensoria")
AREA = {"SUBSTANTIVE": "Sustantiva", "SUPPORT": "De apoyo"}
TYPE = {"TERMINAL": "Terminal", "INTERMEDIATE": "Intermedio"}
USERS = {"CITIZENS": "Ciudadanos", "OTHER_INSTITUTIONS": "Otras instituciones", "COMPANIES": "Empresas",
         "INTERNAL_UNITS": "Unidades internas"}
FREQUENCY = {"DAILY": "Diaria", "WEEKLY": "Semanal", "MONTHLY": "Mensual", "QUARTERLY": "Trimestral",
             "YEARLY": "Anual", "ON_DEMAND": "A demanda"}


def cents(x: Fraction) -> Decimal:
    return (Decimal(x.numerator) / Decimal(x.denominator)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def money(x: Decimal) -> str:
    return "RD$" + f"{x:,.2f}"


def number(x) -> str:
    d = Decimal(str(x))
    return format(d.normalize(), "f") if d == d.to_integral() else str(d)


def write(name, header, rows, bom=False):
    with open(OUT / f"{name}-Grid view.csv", "w", newline="", encoding="utf-8-sig" if bom else "utf-8") as f:
        w = csv.writer(f)
        w.writerow(header)
        w.writerows(rows)


def main():
    d = json.loads(DEMO.read_text(encoding="utf-8"))
    weekly = Fraction(str(d["institution"]["weeklyHours"]))
    scopes = {s["id"]: s["name"] for s in d["scopes"]}
    centers = {c["id"]: c for c in d["centers"]}
    employees = {e["id"]: e for e in d["employees"]}
    products = {p["id"]: p for p in d["products"]}
    staff = {cid: [e for e in d["employees"] if e["centerId"] == cid] for cid in centers}
    payroll = {cid: sum((Fraction(str(e["annualCost"])) for e in staff[cid]), Fraction(0)) for cid in centers}

    write("Centros de producción",
          ["Nombre", "Ámbito", "Área", "Depende de", "Función", "Organización", "Responsable", "Costo no laboral",
           "Funcionarios"],
          [[c["name"], scopes.get(c["scopeId"], ""), AREA[c["area"]],
            centers[c["parentCenterId"]]["name"] if c["parentCenterId"] else "", c["function"], c["organization"],
            c["manager"], money(Decimal(str(c["nonLabourCost"]))) if c["nonLabourCost"] is not None else "",
            len(staff[c["id"]])] for c in d["centers"]], bom=True)
    write("Funcionarios", ["Nombre", "Centro de producción", "Cargo", "Costo anual", "Horas contratadas"],
          [[e["name"], centers[e["centerId"]]["name"], e["position"], money(Decimal(str(e["annualCost"]))),
            number(e["contractedHours"])] for e in d["employees"]])
    write("Productos",
          ["Producto", "Centro de producción", "Descripción", "Tipo", "CORE", "Usuarios", "Volumen", "Unidad",
           "Frecuencia", "Tiempo de elaboración", "Pasos del proceso", "Problemas y restricciones", "Sinergias"],
          [[p["name"], centers[p["centerId"]]["name"], p["description"], TYPE[p["type"]],
            "checked" if p["core"] else "", ",".join(USERS[u] for u in p["users"]),
            number(p["volume"]) if p["volume"] is not None else "", p["volumeUnit"] or "",
            FREQUENCY.get(p["frequency"], "") if p["frequency"] else "", p["elaborationTime"] or "",
            "\n".join(p["processSteps"]), p["problems"] or "", p["synergies"] or ""] for p in d["products"]])

    rows = []
    for interview in d["interviews"]:
        cid = interview["centerId"]
        n = len(staff[cid])
        for a in interview["allocations"]:
            e, p = employees[a["employeeId"]], products[a["productId"]]
            hours = Fraction(str(a["hours"]))
            share = hours / (n * weekly)
            cost = share * payroll[cid]
            volume = Fraction(str(p["volume"])) if p["volume"] else Fraction(0)
            rows.append([p["name"], e["name"], centers[cid]["name"], number(a["hours"]), n, money(cents(payroll[cid])),
                         f"{cents(share * 100)}%", money(cents(cost)),
                         number(p["volume"]) if p["volume"] is not None else "",
                         money(cents(cost / volume)) if volume > 0 else ""])
    write("Costos producción",
          ["Producto", "Funcionario", "Centro de producción", "Tiempo", "# Funcionarios", "Nómina del centro",
           "Porcentaje", "Costo", "Volumen", "Costo unitario"], rows)
    total = sum((cents(Fraction(r[7][3:].replace(",", ""))) for r in rows), Decimal(0))
    print(f"{len(rows)} cost rows, labour {total:,.2f}")


if __name__ == "__main__":
    main()
