package org.ppi.launcher.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;

import org.junit.jupiter.api.Test;

/** The loader against an in-memory HttpClient: no network, no platform. */
class DemoLoaderTest {
    private static final URI GATEWAY = URI.create("http://gateway.test:8080/");

    @Test
    void sendsEverySectionInOrderWithEachUsersToken() {
        DemoInstitution demo = DemoInstitution.bundled().prefixed("t1");
        FakeHttp http = new FakeHttp(r -> ok());
        LoadReport report = new DemoLoader(GATEWAY, http).load(demo, () -> "token-admin", () -> "token-ana");

        List<Sent> sent = http.sent();
        int allocations = demo.allocationCount();
        int validated = (int) demo.interviews().stream().filter(DemoInstitution.Interview::validated).count();
        int links = demo.valueChains().stream().mapToInt(v -> v.links().size()).sum();
        int activities = demo.programs().stream().mapToInt(p -> p.activities().size()).sum();
        int programChains = demo.programs().stream().mapToInt(p -> p.chainIds().size()).sum();
        int planned = demo.programs().stream().mapToInt(p -> p.plannedVolumes().size()).sum();
        int nonLabour = (int) demo.centers().stream().filter(c -> c.nonLabourCost() != null).count();
        int corrections = demo.secondRound().corrections().size();
        int salaryChanges = demo.secondRound().salaryChanges().size();
        int expected = 1 + demo.scopes().size() + demo.centers().size() + nonLabour + 87 + 258
                + demo.interviews().size() + allocations + validated + demo.impacts().size() + demo.results().size()
                + 5 + links + 4 + activities + programChains + planned + corrections + salaryChanges;
        assertThat(sent).hasSize(expected);
        assertThat(report.commands()).isEqualTo(expected);
        assertThat(report.requests()).isEqualTo(expected);
        assertThat(report.retries()).isZero();
        assertThat(report.institutionId()).isEqualTo("t1");
        assertThat(report.employees()).isEqualTo(87);
        assertThat(report.products()).isEqualTo(258);
        assertThat(report.allocations()).isEqualTo(allocations);
        assertThat(report.validations()).isEqualTo(validated);
        assertThat(report.corrections()).isEqualTo(corrections).isEqualTo(4);
        assertThat(report.salaryChanges()).isEqualTo(salaryChanges).isEqualTo(1);
        assertThat(report.summary()).contains("87 funcionarios", "258 productos");

        assertThat(sent.get(0).header("Authorization")).as("the platform admin registers the institution")
                .isEqualTo("Bearer token-admin");
        assertThat(sent.subList(1, sent.size())).allSatisfy(s ->
                assertThat(s.header("Authorization")).isEqualTo("Bearer token-ana"));
        assertThat(sent).allSatisfy(s -> {
            assertThat(s.uri()).startsWith("http://gateway.test:8080/api/");
            assertThat(s.header("X-Institution-Id")).as("identity comes from the token only").isNull();
            assertThat(s.header("Content-Type")).isEqualTo("application/json");
            assertThat(s.header("Accept-Language")).isEqualTo("es");
        });
        assertThat(sent.get(0).request()).isEqualTo("POST /api/survey/institutions");
        assertThat(sent.get(0).body()).contains("\"id\":\"t1\"");
        assertThat(sent.get(0).body()).contains("\"fiscalYear\":2026", "\"costingMethod\":\"CLASSIC\"",
                "\"weeklyHours\":40");

        // sections in order: each section's last request comes before the next section's first
        List<String> sections = List.of("POST /api/survey/institutions", "POST /api/survey/scopes",
                "POST /api/survey/centers", "/non-labour-cost", "POST /api/survey/employees",
                "POST /api/catalog/products", "/api/survey/interviews", "POST /api/valuechain/impacts",
                "POST /api/valuechain/results", "/api/valuechain/chains", "/api/valuechain/programs");
        List<Sent> firstRound = sent.subList(0, first(sent, "/corrections"));
        for (int s = 0; s + 1 < sections.size(); s++) {
            assertThat(last(firstRound, sections.get(s))).as("%s before %s", sections.get(s), sections.get(s + 1))
                    .isLessThan(first(firstRound, sections.get(s + 1)));
        }
        // then the second round: corrections, then salary changes
        assertThat(firstRound).hasSize(expected - corrections - salaryChanges);
        assertThat(last(sent, "/corrections")).isLessThan(first(sent, "/salary"));
        // parents before children
        for (DemoInstitution.Center c : demo.centers()) {
            if (c.parentCenterId() != null) {
                assertThat(indexOfBody(sent, "POST /api/survey/centers", "\"id\":\"" + c.parentCenterId() + "\""))
                        .isLessThan(indexOfBody(sent, "POST /api/survey/centers", "\"id\":\"" + c.id() + "\""));
            }
        }
        // within an interview: open, allocations, validation; within a chain: the links in file order
        DemoInstitution.Interview interview = demo.interviews().get(0);
        List<Sent> ofInterview = sent.stream().filter(x -> x.request().contains(interview.id())
                || x.body().contains("\"id\":\"" + interview.id() + "\"")).toList();
        assertThat(ofInterview.get(0).request()).isEqualTo("POST /api/survey/interviews");
        assertThat(ofInterview.get(ofInterview.size() - 1).request())
                .isEqualTo("POST /api/survey/interviews/" + interview.id() + "/validation");
        assertThat(ofInterview).hasSize(2 + interview.allocations().size());
        DemoInstitution.ValueChain chain = demo.valueChains().get(0);
        List<String> linkBodies = sent.stream()
                .filter(x -> x.request().equals("PUT /api/valuechain/chains/" + chain.id() + "/links"))
                .map(Sent::body).toList();
        assertThat(linkBodies).hasSize(chain.links().size());
        for (int i = 0; i < linkBodies.size(); i++) {
            assertThat(linkBodies.get(i))
                    .contains("\"intermediateProductId\":\"" + chain.links().get(i).intermediateProductId() + "\"");
        }
        assertThat(sent).anySatisfy(x -> assertThat(x.body()).contains("\"annualCost\":", "\"contractedHours\":"));
        assertThat(sent).anySatisfy(x -> assertThat(x.body()).contains("\"volume\":null"));
    }

    @Test
    void sendsTheSecondRoundAfterTheFirstRoundInstantWithEveryReason() {
        DemoInstitution demo = DemoInstitution.bundled().prefixed("t1");
        FakeHttp http = new FakeHttp(r -> ok());
        LoadReport report = new DemoLoader(GATEWAY, http).load(demo, () -> "token-admin", () -> "token-ana");

        List<Sent> sent = http.sent();
        Instant at = report.firstRoundAt();
        assertThat(at).as("a whole second, easy to paste").isEqualTo(at.truncatedTo(ChronoUnit.SECONDS));
        int firstSecondRound = first(sent, "/corrections");
        assertThat(sent.subList(0, firstSecondRound)).as("the first round was sent before the instant")
                .allSatisfy(s -> assertThat(s.at()).isBefore(at));
        assertThat(sent.subList(firstSecondRound, sent.size())).as("the second round after it")
                .hasSize(5).allSatisfy(s -> assertThat(s.at()).isAfter(at));
        assertThat(sent.subList(firstSecondRound, firstSecondRound + 4)).extracting(Sent::request).containsExactly(
                "POST /api/survey/interviews/t1.I12/corrections", "POST /api/survey/interviews/t1.I12/corrections",
                "POST /api/survey/interviews/t1.I12/corrections", "POST /api/survey/interviews/t1.I05/corrections");
        assertThat(sent.get(firstSecondRound).body()).contains("\"employeeId\":\"t1.E036\"",
                "\"productId\":\"t1.P091\"", "\"hours\":16", "\"reason\":\"Revisión de la agenda");
        assertThat(sent.subList(firstSecondRound, firstSecondRound + 4))
                .allSatisfy(s -> assertThat(s.body()).containsPattern("\"reason\":\"[^\"]{20,}"));
        Sent salary = sent.get(sent.size() - 1);
        assertThat(salary.request()).isEqualTo("POST /api/survey/employees/t1.E032/salary");
        assertThat(salary.body()).contains("\"annualCost\":1012992.24", "\"effectiveDate\":\"2026-07-01\"",
                "\"reason\":\"Ascenso");
        assertThat(sent).as("the demo's employees are on payroll the whole year: no hiring dates")
                .filteredOn(s -> s.request().equals("POST /api/survey/employees"))
                .allSatisfy(s -> assertThat(s.body()).doesNotContain("effectiveFrom"));
        // every corrected allocation belongs to a validated interview of the first round
        demo.secondRound().corrections().forEach(c -> assertThat(demo.interviews())
                .anyMatch(i -> i.id().equals(c.interviewId()) && i.validated()));
        assertThat(report.summary()).contains("primera ronda hasta " + at, "correcciones: 4, cambios de salario: 1");
    }

    @Test
    void retriesWhileAReferencedCenterIsNotKnownYet() {
        AtomicInteger centerRefusals = new AtomicInteger();
        AtomicInteger productRefusals = new AtomicInteger();
        FakeHttp http = new FakeHttp(r -> {
            if (r.request().equals("POST /api/survey/employees") && r.body().contains("\"id\":\"E001\"")
                    && centerRefusals.get() < 3) {
                centerRefusals.incrementAndGet();
                return new Reply(422, "{\"status\":422,\"code\":\"center.not-found\",\"field\":\"centerId\"}");
            }
            if (r.request().equals("PUT /api/survey/interviews/I01/allocations") && productRefusals.get() < 2) {
                productRefusals.incrementAndGet();
                return new Reply(422, "{\"status\":422,\"code\":\"allocation.product-unknown\"}");
            }
            return ok();
        });
        LoadReport report = loader(http, Duration.ofSeconds(5)).load(DemoInstitution.bundled(), () -> "token-admin", () -> "token-ana");
        assertThat(report.retries()).isEqualTo(5);
        assertThat(report.requests()).isEqualTo(report.commands() + 5);
        assertThat(report.employees()).isEqualTo(87);
    }

    @Test
    void givesUpOnANotKnownEntityAfterTheRetryBudget() {
        FakeHttp http = new FakeHttp(r -> r.request().equals("POST /api/catalog/products")
                ? new Reply(422, "{\"code\":\"product.center-unknown\"}") : ok());
        assertThatThrownBy(() -> loader(http, Duration.ofMillis(100)).load(DemoInstitution.bundled(), () -> "token-admin", () -> "token-ana"))
                .isInstanceOf(DemoLoadException.class)
                .hasMessageContaining("POST /api/catalog/products")
                .hasMessageContaining("422")
                .hasMessageContaining("product.center-unknown");
    }

    @Test
    void failsAtOnceOnAnyOtherRefusal() {
        FakeHttp http = new FakeHttp(r -> r.request().equals("POST /api/survey/scopes")
                ? new Reply(409, "{\"code\":\"scope.duplicate\",\"message\":\"Ya existe\"}") : ok());
        assertThatThrownBy(() -> loader(http, Duration.ofSeconds(30)).load(DemoInstitution.bundled(), () -> "token-admin", () -> "token-ana"))
                .isInstanceOfSatisfying(DemoLoadException.class, e -> {
                    assertThat(e.request()).isEqualTo("POST /api/survey/scopes");
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.body()).contains("scope.duplicate");
                })
                .hasMessageContaining("POST /api/survey/scopes").hasMessageContaining("409");
        assertThat(http.sent()).hasSize(2); // the institution, then the refused scope: no retry, nothing after

        FakeHttp noPath = new FakeHttp(r -> r.request().equals("POST /api/survey/employees")
                ? new Reply(404, "{\"code\":\"request.no-such-path\"}") : ok());
        assertThatThrownBy(() -> loader(noPath, Duration.ofSeconds(30)).load(DemoInstitution.bundled(), () -> "token-admin", () -> "token-ana"))
                .isInstanceOf(DemoLoadException.class).hasMessageContaining("404");
        List<String> employeeBodies = noPath.sent().stream()
                .filter(s -> s.request().equals("POST /api/survey/employees")).map(Sent::body).toList();
        assertThat(employeeBodies).as("a bad path is not retried").doesNotHaveDuplicates();
        assertThat(noPath.sent()).noneMatch(s -> s.request().equals("POST /api/catalog/products"));
    }

    @Test
    void recognisesNotYetKnownCodes() {
        assertThat(DemoLoader.notKnownYet(422, "center.not-found")).isTrue();
        assertThat(DemoLoader.notKnownYet(404, "entity.not-found")).isTrue();
        assertThat(DemoLoader.notKnownYet(422, "allocation.product-unknown")).isTrue();
        assertThat(DemoLoader.notKnownYet(409, "center.not-found")).isFalse();
        assertThat(DemoLoader.notKnownYet(400, "request.sort-unknown")).isFalse();
        assertThat(DemoLoader.notKnownYet(404, "request.no-such-path")).isFalse();
        assertThat(DemoLoader.notKnownYet(422, null)).isFalse();
        assertThat(DemoLoader.errorCode("{\"code\":\"x.not-found\"}")).isEqualTo("x.not-found");
        assertThat(DemoLoader.errorCode("<html>")).isNull();
        assertThat(DemoLoader.errorCode("")).isNull();
    }

    // ------------------------------------------------------------------ fake HTTP

    private static DemoLoader loader(FakeHttp http, Duration budget) {
        return new DemoLoader(GATEWAY, http, 4, budget, Duration.ofMillis(1));
    }

    private static Reply ok() {
        return new Reply(201, "{\"id\":\"x\"}");
    }

    /** "POST /x" matches that request exactly; a bare fragment matches any request containing it. */
    private static boolean matches(Sent s, String section) {
        return section.startsWith("/") ? s.request().contains(section) : s.request().equals(section);
    }

    private static int first(List<Sent> sent, String fragment) {
        for (int i = 0; i < sent.size(); i++) {
            if (matches(sent.get(i), fragment)) {
                return i;
            }
        }
        throw new AssertionError("no request to " + fragment);
    }

    private static int last(List<Sent> sent, String fragment) {
        for (int i = sent.size() - 1; i >= 0; i--) {
            if (matches(sent.get(i), fragment)) {
                return i;
            }
        }
        throw new AssertionError("no request to " + fragment);
    }

    private static int indexOfBody(List<Sent> sent, String request, String fragment) {
        for (int i = 0; i < sent.size(); i++) {
            if (sent.get(i).request().equals(request) && sent.get(i).body().contains(fragment)) {
                return i;
            }
        }
        throw new AssertionError("no " + request + " with " + fragment);
    }

    record Sent(String request, String uri, Map<String, List<String>> headers, String body, Instant at) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    record Reply(int status, String body) {
    }

    /** An HttpClient that records every request and answers from a function; sends nothing anywhere. */
    static final class FakeHttp extends HttpClient {
        private final Function<Sent, Reply> responder;
        private final List<Sent> sent = Collections.synchronizedList(new ArrayList<>());

        FakeHttp(Function<Sent, Reply> responder) {
            this.responder = responder;
        }

        List<Sent> sent() {
            synchronized (sent) {
                return List.copyOf(sent);
            }
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) throws IOException {
            String path = request.uri().getRawPath();
            Sent s = new Sent(request.method() + " " + path, request.uri().toString(), request.headers().map(),
                    body(request), Instant.now());
            sent.add(s);
            Reply reply = responder.apply(s);
            return (HttpResponse<T>) new FakeResponse(request, reply.status(), reply.body());
        }

        @Override
        public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request,
                                                                HttpResponse.BodyHandler<T> handler) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request,
                                                                HttpResponse.BodyHandler<T> handler,
                                                                HttpResponse.PushPromiseHandler<T> push) {
            throw new UnsupportedOperationException();
        }

        private static String body(HttpRequest request) {
            if (request.bodyPublisher().isEmpty()) {
                return "";
            }
            List<ByteBuffer> buffers = Collections.synchronizedList(new ArrayList<>());
            CompletableFuture<Void> done = new CompletableFuture<>();
            request.bodyPublisher().get().subscribe(new Flow.Subscriber<>() {
                @Override
                public void onSubscribe(Flow.Subscription subscription) {
                    subscription.request(Long.MAX_VALUE);
                }

                @Override
                public void onNext(ByteBuffer item) {
                    buffers.add(item);
                }

                @Override
                public void onError(Throwable throwable) {
                    done.completeExceptionally(throwable);
                }

                @Override
                public void onComplete() {
                    done.complete(null);
                }
            });
            done.join();
            StringBuilder text = new StringBuilder();
            for (ByteBuffer b : buffers) {
                text.append(StandardCharsets.UTF_8.decode(b));
            }
            return text.toString();
        }

        @Override
        public Optional<CookieHandler> cookieHandler() {
            return Optional.empty();
        }

        @Override
        public Optional<Duration> connectTimeout() {
            return Optional.empty();
        }

        @Override
        public Redirect followRedirects() {
            return Redirect.NEVER;
        }

        @Override
        public Optional<ProxySelector> proxy() {
            return Optional.empty();
        }

        @Override
        public SSLContext sslContext() {
            return null;
        }

        @Override
        public SSLParameters sslParameters() {
            return new SSLParameters();
        }

        @Override
        public Optional<Authenticator> authenticator() {
            return Optional.empty();
        }

        @Override
        public Version version() {
            return Version.HTTP_1_1;
        }

        @Override
        public Optional<Executor> executor() {
            return Optional.empty();
        }
    }

    record FakeResponse(HttpRequest request, int statusCode, String body) implements HttpResponse<String> {
        @Override
        public Optional<HttpResponse<String>> previousResponse() {
            return Optional.empty();
        }

        @Override
        public HttpHeaders headers() {
            return HttpHeaders.of(new ConcurrentHashMap<>(), (a, b) -> true);
        }

        @Override
        public Optional<SSLSession> sslSession() {
            return Optional.empty();
        }

        @Override
        public URI uri() {
            return request.uri();
        }

        @Override
        public HttpClient.Version version() {
            return HttpClient.Version.HTTP_1_1;
        }
    }
}
