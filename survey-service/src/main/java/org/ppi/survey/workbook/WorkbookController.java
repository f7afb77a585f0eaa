package org.ppi.survey.workbook;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.ppi.platform.web.Actor;
import org.ppi.platform.web.DomainRejection;
import org.ppi.platform.web.Ids;
import org.ppi.platform.web.RequestSizeLimit;
import org.ppi.survey.web.Messages;
import org.ppi.survey.web.ProblemReport;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/**
 * An interview's workbook: a template to download (XLSX or CSV) pre-filled with its center's employees, products
 * and current hours, and the same file uploaded back, validated as a whole, dry run by default.
 */
@RestController
@RequestMapping("/api/survey/interviews/{id}/workbook")
@Tag(name = "Interviews and allocations")
class WorkbookController {
    static final MediaType XLSX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final WorkbookTemplate template;
    private final WorkbookWriter writer;
    private final WorkbookImport imports;
    private final Messages messages;
    private final long maxBytes;

    WorkbookController(WorkbookTemplate template, WorkbookWriter writer, WorkbookImport imports, Messages messages,
                       @org.springframework.beans.factory.annotation.Value("${ppi.web.max-request-bytes:524288}")
                       long maxBytes) {
        this.template = template;
        this.writer = writer;
        this.imports = imports;
        this.messages = messages;
        this.maxBytes = maxBytes;
    }

    enum Format {
        xlsx, csv
    }

    @GetMapping
    @Operation(summary = "The interview's workbook (format=xlsx|csv): its center's employees, products and the "
            + "employees × products matrix of its current weekly hours, headers in the caller's language")
    ResponseEntity<byte[]> download(Actor actor, @PathVariable String id,
                                    @RequestParam(defaultValue = "xlsx") Format format) {
        Locale locale = messages.locale();
        WorkbookTemplate.Contents contents = template.of(actor.institutionId(), Ids.require(id, "id"))
                .orElseThrow(() -> DomainRejection.notFound("interview.not-found", "id", id));
        String name = messages.text("workbook.file-name", id);
        if (format == Format.csv) {
            return writer.csv(contents, locale).download(name + ".csv");
        }
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + ".xlsx\"")
                .body(writer.xlsx(contents, locale));
    }

    @PostMapping
    @Operation(summary = "Upload the interview's workbook (multipart part 'file', or the file as the body): "
            + "validated as a whole, every problem with sheet, row and column; dryRun=true (default) answers what "
            + "would change, dryRun=false records it as one sheet command (reason required once validated)")
    WorkbookImport.Outcome upload(Actor actor, @PathVariable String id, @RequestParam(defaultValue = "true") boolean dryRun,
                                  @RequestParam(required = false) String reason,
                                  @RequestParam(required = false) Long expectedVersion,
                                  @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                  HttpServletRequest request) throws IOException {
        byte[] bytes = body(request);
        return imports.upload(actor, Ids.require(id, "id"), bytes, dryRun, reason,
                org.ppi.survey.interview.Versions.expected(expectedVersion, ifMatch), messages.locale());
    }

    private byte[] body(HttpServletRequest request) throws IOException {
        if (request instanceof MultipartHttpServletRequest multipart) {
            MultipartFile file = multipart.getFile("file");
            if (file == null) {
                throw DomainRejection.badRequest("request.missing-parameter", "file", "file");
            }
            if (file.getSize() > maxBytes) {
                throw new DomainRejection(413, "request.too-large", null, maxBytes);
            }
            return file.getBytes();
        }
        try (InputStream in = request.getInputStream()) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (bytes.length > maxBytes) {
                throw new DomainRejection(413, "request.too-large", null, maxBytes);
            }
            return bytes;
        } catch (RequestSizeLimit.TooLarge tooLarge) {
            throw new DomainRejection(413, "request.too-large", null, tooLarge.maxBytes());
        }
    }

    /** A multipart upload past the servlet's own limit: the platform's 413. */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemReport> multipart(MultipartException e) {
        if (e instanceof MaxUploadSizeExceededException || tooLarge(e)) {
            return ResponseEntity.status(413).body(new ProblemReport(413, "request.too-large", null,
                    messages.text("request.too-large", maxBytes), List.of()));
        }
        return ResponseEntity.status(400).body(new ProblemReport(400, "request.malformed", "file",
                messages.text("request.malformed"), List.of()));
    }

    @ExceptionHandler(WorkbookImport.Refused.class)
    ResponseEntity<ProblemReport> refused(WorkbookImport.Refused e) {
        List<ProblemReport.Problem> details = e.problems().stream().map(this::detail).toList();
        int status = details.stream().allMatch(d -> d.status() == 400) ? 400 : 422;
        return ResponseEntity.status(status).body(new ProblemReport(status, "workbook.invalid", "file",
                messages.text("workbook.invalid", details.size()), details));
    }

    private ProblemReport.Problem detail(WorkbookProblem p) {
        String text = messages.text(p.code(), p.args());
        String where;
        if (p.sheet() == null) {
            where = text;
        } else if (p.row() == null) {
            where = messages.text("workbook.at-sheet", p.sheet(), text);
        } else if (p.column() == null) {
            where = messages.text("workbook.at-row", p.sheet(), String.valueOf(p.row()), text);
        } else {
            where = messages.text("workbook.at-cell", p.sheet(), String.valueOf(p.row()), p.column(), text);
        }
        String field = p.sheet() == null ? "file" : p.cell() != null ? p.sheet() + "!" + p.cell() : p.sheet();
        return new ProblemReport.Problem(p.status(), p.code(), field, where, p.sheet(), p.row(), p.column(), p.cell(),
                null, p.employeeId(), p.productId());
    }

    private static boolean tooLarge(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RequestSizeLimit.TooLarge || t.getClass().getSimpleName().contains("SizeLimitExceeded")
                    || t.getClass().getSimpleName().contains("FileSizeLimitExceeded")) {
                return true;
            }
        }
        return false;
    }
}
