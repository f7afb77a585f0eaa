package org.ppi.survey.view;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.ppi.platform.web.Actor;
import org.ppi.platform.web.ExportFormat;
import org.ppi.platform.web.TableExport;
import org.ppi.survey.view.FunctionsAndOrganizationView.View;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Views of the seed platform, as JSON, CSV or XLSX. */
@RestController
@Tag(name = "Views")
class ViewController {
    private final FunctionsAndOrganizationView functionsAndOrganization;

    ViewController(FunctionsAndOrganizationView functionsAndOrganization) {
        this.functionsAndOrganization = functionsAndOrganization;
    }

    @GetMapping("/api/survey/views/functions-and-organization")
    @Operation(summary = "Centers grouped by ámbito with function, organization, manager, area and staff "
            + "(count, Σ annual cost), per group, per area and in total; closed centers only with includeClosed=true")
    View functionsAndOrganization(Actor actor, @RequestParam(defaultValue = "false") boolean includeClosed) {
        return functionsAndOrganization.of(actor.institutionId(), includeClosed);
    }

    @GetMapping(path = "/api/survey/views/functions-and-organization", params = "format")
    @Operation(summary = "The same view as CSV or XLSX (format=csv|xlsx): a row per center, a total per ámbito and "
            + "overall; headers in the caller's language")
    ResponseEntity<byte[]> functionsAndOrganizationExport(Actor actor, @RequestParam String format,
                                                          @RequestParam(defaultValue = "false") boolean includeClosed) {
        ExportFormat chosen = ExportFormat.of(format);
        return TableExport.download(FunctionsAndOrganizationExport.of(functionsAndOrganization.of(actor.institutionId(),
                includeClosed)), chosen, "funciones-y-organizacion", actor.institutionId(), null,
                LocaleContextHolder.getLocale());
    }
}
