package org.ppi.launcher.demo;

import java.time.Duration;
import java.time.Instant;

/**
 * What {@link DemoLoader#load} sent: the number of accepted commands of each kind (first round, then the second
 * round's corrections and salary changes), the first-round instant ({@code asOf} it answers the first round's
 * figures: every first-round event was recorded before it, every second-round event after it), the HTTP requests
 * made (retries included), how many of them were retries while another service had not yet learned a referenced
 * center, product or result, and the elapsed time.
 */
public record LoadReport(String institutionId, int scopes, int centers, int nonLabourCosts, int employees,
                         int products, int interviews, int allocations, int validations, int impacts, int results,
                         int chains, int links, int programs, int activities, int programChains, int plannedVolumes,
                         Instant firstRoundAt, int corrections, int salaryChanges,
                         int requests, int retries, Duration elapsed) {

    /** Commands accepted by the platform (the institution itself included). */
    public int commands() {
        return 1 + scopes + centers + nonLabourCosts + employees + products + interviews + allocations + validations
                + impacts + results + chains + links + programs + activities + programChains + plannedVolumes
                + corrections + salaryChanges;
    }

    /** A one-line summary in Spanish. */
    public String summary() {
        return String.format("Institución %s: %d ámbitos, %d centros (%d con costo no laboral), %d funcionarios, "
                        + "%d productos, %d entrevistas (%d validadas) con %d asignaciones de tiempo, %d impactos, "
                        + "%d resultados, %d cadenas de valor con %d eslabones, %d programas con %d actividades, "
                        + "%d cadenas asignadas y %d volúmenes planificados; primera ronda hasta %s, luego "
                        + "correcciones: %d, cambios de salario: %d; %d solicitudes (%d reintentos) en %.1f s",
                institutionId, scopes, centers, nonLabourCosts, employees, products, interviews, validations,
                allocations, impacts, results, chains, links, programs, activities, programChains, plannedVolumes,
                firstRoundAt, corrections, salaryChanges, requests, retries, elapsed.toMillis() / 1000.0);
    }
}
