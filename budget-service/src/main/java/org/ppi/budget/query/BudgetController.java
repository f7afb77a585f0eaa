package org.ppi.budget.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.ppi.budget.figures.ProgramBudgetView;
import org.ppi.budget.figures.SummaryView;
import org.ppi.budget.state.BudgetLineage;
import org.ppi.platform.projection.EventLog;
import org.ppi.platform.web.Actor;
import org.ppi.platform.web.InMemoryPage;
import org.ppi.platform.web.DomainRejection;
import org.ppi.platform.web.ExportFormat;
import org.ppi.platform.web.TableExport;
import org.ppi.platform.web.PageQuery;
import org.ppi.platform.web.PageResponse;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The budget of the caller's institution: summary lines and their reconciliation with costing, programs with
 * their products' contributions, the events behind a program, and the programmatic structure; the summary, programs and structure also as CSV or XLSX.
 * Every query takes {@code fiscalYear} (default: the latest planned year, else the current one) and
 * {@code asOf} (ISO-8601 instant) to answer with the budget as it stood then, recomputed from the history.
 */
@RestController
@RequestMapping("/api/budget")
class BudgetController {

    private final BudgetSnapshots snapshots;
    private final EventLog log;
    private final MessageSource messages;
    private final BudgetExports exports;
    /** A page of a lineage unless the caller asks for another size. */
    static final int LINEAGE_PAGE = 100;

    BudgetController(BudgetSnapshots snapshots, EventLog log, MessageSource messages, BudgetExports exports) {
        this.snapshots = snapshots;
        this.log = log;
        this.messages = messages;
        this.exports = exports;
    }

    @GetMapping("/summary")
    SummaryView summary(Actor actor, @RequestParam(required = false) Integer fiscalYear,
                        @RequestParam(required = false) Instant asOf) {
        SummaryView summary = known(actor, fiscalYear, asOf).summary();
        Locale locale = LocaleContextHolder.getLocale();
        List<SummaryView.Line> lines = new ArrayList<>();
        summary.lines().forEach(l -> lines.add(l.labelled(messages.getMessage("budget.line." + l.line(), null, l.line(), locale))));
        return summary.withLines(lines);
    }

    /**
     * The events behind the summary and the costing figures they rest on, a page at a time ({@code page} from 0,
     * {@code size} default {@value #LINEAGE_PAGE}, at most 1000, for both lists) with their totals.
     */
    @GetMapping("/summary/lineage")
    Lineage summaryLineage(Actor actor, @RequestParam(required = false) Integer fiscalYear,
                           @RequestParam(required = false) Instant asOf, @RequestParam(required = false) Integer page,
                           @RequestParam(required = false) Integer size) {
        PageQuery query = lineagePage(page, size);
        BudgetSnapshot snapshot = known(actor, fiscalYear, asOf, true);
        return lineage(actor, "SUMMARY", actor.institutionId(), snapshot, snapshot.summaryLineage(), query);
    }

    @GetMapping("/programs")
    PageResponse<ProgramBudgetView> programs(Actor actor, @RequestParam(required = false) Integer fiscalYear,
                                             @RequestParam(required = false) Instant asOf,
                                             @RequestParam(required = false) String q,
                                             @RequestParam(required = false) Boolean volumeGap,
                                             @RequestParam(required = false) Integer page,
                                             @RequestParam(required = false) Integer size,
                                             @RequestParam(required = false) List<String> sort) {
        List<ProgramBudgetView> rows = snapshot(actor, fiscalYear, asOf).programs().stream()
                .filter(p -> matches(q, p.code(), p.name()) && (volumeGap == null || volumeGap == !p.volumeGaps().isEmpty()))
                .toList();
        return InMemoryPage.page(rows, page, size, sort, Map.of(
                        "code", InMemoryPage.by(ProgramBudgetView::code),
                        "name", InMemoryPage.by(ProgramBudgetView::name),
                        "budget", InMemoryPage.by(ProgramBudgetView::budget)),
                Comparator.comparing(ProgramBudgetView::programId));
    }

    @GetMapping("/programs/{id}")
    ProgramBudgetView program(Actor actor, @PathVariable String id, @RequestParam(required = false) Integer fiscalYear,
                              @RequestParam(required = false) Instant asOf) {
        return find(snapshot(actor, fiscalYear, asOf), id);
    }

    @GetMapping("/programs/{id}/lineage")
    Lineage programLineage(Actor actor, @PathVariable String id, @RequestParam(required = false) Integer fiscalYear,
                           @RequestParam(required = false) Instant asOf, @RequestParam(required = false) Integer page,
                           @RequestParam(required = false) Integer size) {
        PageQuery query = lineagePage(page, size);
        BudgetSnapshot snapshot = snapshot(actor, fiscalYear, asOf, true);
        find(snapshot, id);
        return lineage(actor, "PROGRAM", id, snapshot, snapshot.lineage().getOrDefault(id, BudgetLineage.empty()), query);
    }

    @GetMapping("/structure")
    StructureView structure(Actor actor, @RequestParam(required = false) Integer fiscalYear,
                            @RequestParam(required = false) Instant asOf) {
        return StructureView.of(known(actor, fiscalYear, asOf));
    }

    /**
     * The same tables for a spreadsheet: {@code ?format=csv|xlsx} on the view's own address, same {@code fiscalYear}
     * and {@code asOf} (and, for programs, the same filters, every matching row), headers in the caller's language.
     */
    @GetMapping(path = "/structure", params = "format")
    ResponseEntity<byte[]> structureExport(Actor actor, @RequestParam String format,
                                           @RequestParam(required = false) Integer fiscalYear,
                                           @RequestParam(required = false) Instant asOf) {
        ExportFormat chosen = ExportFormat.of(format);
        StructureView structure = StructureView.of(known(actor, fiscalYear, asOf));
        Locale locale = LocaleContextHolder.getLocale();
        return TableExport.download(exports.structure(structure, locale), chosen,
                "estructura-programatica-" + structure.fiscalYear(), actor.institutionId(), asOf, locale);
    }

    @GetMapping(path = "/programs", params = "format")
    ResponseEntity<byte[]> programsExport(Actor actor, @RequestParam String format,
                                          @RequestParam(required = false) Integer fiscalYear,
                                          @RequestParam(required = false) Instant asOf,
                                          @RequestParam(required = false) String q,
                                          @RequestParam(required = false) Boolean volumeGap) {
        ExportFormat chosen = ExportFormat.of(format);
        BudgetSnapshot snapshot = snapshot(actor, fiscalYear, asOf);
        List<ProgramBudgetView> rows = snapshot.programs().stream()
                .filter(p -> matches(q, p.code(), p.name()) && (volumeGap == null || volumeGap == !p.volumeGaps().isEmpty()))
                .sorted(Comparator.comparing(ProgramBudgetView::code, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(ProgramBudgetView::programId))
                .toList();
        return TableExport.download(exports.programs(rows), chosen, "presupuesto-por-programa-" + snapshot.fiscalYear(),
                actor.institutionId(), asOf, LocaleContextHolder.getLocale());
    }

    @GetMapping(path = "/summary", params = "format")
    ResponseEntity<byte[]> summaryExport(Actor actor, @RequestParam String format,
                                         @RequestParam(required = false) Integer fiscalYear,
                                         @RequestParam(required = false) Instant asOf) {
        ExportFormat chosen = ExportFormat.of(format);
        SummaryView summary = known(actor, fiscalYear, asOf).summary();
        Locale locale = LocaleContextHolder.getLocale();
        return TableExport.download(exports.summary(summary, locale), chosen,
                "resumen-del-presupuesto-" + summary.fiscalYear(), actor.institutionId(), asOf, locale);
    }

    private BudgetSnapshot snapshot(Actor actor, Integer fiscalYear, Instant asOf) {
        return snapshot(actor, fiscalYear, asOf, false);
    }

    /** @param withLineage the events behind each figure are asked for: as of a time, the history is folded */
    private BudgetSnapshot snapshot(Actor actor, Integer fiscalYear, Instant asOf, boolean withLineage) {
        if (fiscalYear != null && (fiscalYear < 1900 || fiscalYear > 9999)) {
            throw DomainRejection.badRequest("budget.fiscal-year-invalid", "fiscalYear", fiscalYear);
        }
        return withLineage ? snapshots.folded(actor.institutionId(), fiscalYear, asOf)
                : snapshots.of(actor.institutionId(), fiscalYear, asOf);
    }

    private BudgetSnapshot known(Actor actor, Integer fiscalYear, Instant asOf) {
        return known(actor, fiscalYear, asOf, false);
    }

    private BudgetSnapshot known(Actor actor, Integer fiscalYear, Instant asOf, boolean withLineage) {
        BudgetSnapshot snapshot = snapshot(actor, fiscalYear, asOf, withLineage);
        if (!snapshot.known()) {
            throw DomainRejection.notFound("budget.institution-unknown", "institutionId", actor.institutionId());
        }
        return snapshot;
    }

    private static ProgramBudgetView find(BudgetSnapshot snapshot, String id) {
        return snapshot.programs().stream().filter(p -> p.programId().equals(id)).findFirst()
                .orElseThrow(() -> DomainRejection.notFound("budget.program-unknown", "programId", id));
    }

    private static PageQuery lineagePage(Integer page, Integer size) {
        return PageQuery.of(page, size == null ? LINEAGE_PAGE : size, List.of(), Map.of(), "position");
    }

    private Lineage lineage(Actor actor, String kind, String id, BudgetSnapshot snapshot, BudgetLineage lineage,
                            PageQuery query) {
        List<BudgetLineage.CostingFigure> costing = lineage.costing();
        int from = Math.min(query.offset(), costing.size());
        List<BudgetLineage.CostingFigure> figures = costing.subList(from, Math.min(from + query.size(), costing.size()));
        int total = lineage.events().size();
        int pages = (int) ((Math.max(total, costing.size()) + query.size() - 1L) / query.size());
        return new Lineage(kind, id, snapshot.fiscalYear(), snapshot.asOf(),
                log.page(actor.institutionId(), lineage.events(), query.offset(), query.size()), query.page(), query.size(),
                total, pages, List.copyOf(figures), costing.size());
    }

    private static boolean matches(String q, String first, String second) {
        if (q == null || q.isBlank()) {
            return true;
        }
        String needle = q.trim().toLowerCase(Locale.ROOT);
        return (first != null && first.toLowerCase(Locale.ROOT).contains(needle))
                || (second != null && second.toLowerCase(Locale.ROOT).contains(needle));
    }

    /**
     * One page of the events behind a figure, oldest first (type, time, acting user), with their total; and the same
     * page of the costing figures they rest on, each with the event that caused it and the path of its own lineage:
     * what an auditor walks back to the interviews. {@code totalPages} covers the longer of the two lists.
     */
    record Lineage(String figureKind, String figureId, int fiscalYear, Instant asOf, List<EventLog.LoggedEvent> events,
                   int page, int size, long totalItems, int totalPages, List<BudgetLineage.CostingFigure> costingFigures,
                   long totalCostingFigures) {
    }
}
