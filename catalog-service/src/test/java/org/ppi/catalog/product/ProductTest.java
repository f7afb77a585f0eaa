package org.ppi.catalog.product;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ppi.catalog.support.Rejections.rejected;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.ppi.catalog.directory.CatalogDirectory;
import org.ppi.catalog.product.ProductCommands.ChangeProductVolume;
import org.ppi.catalog.product.ProductCommands.MergeProducts;
import org.ppi.catalog.product.ProductCommands.RegisterProduct;
import org.ppi.catalog.product.ProductCommands.RenameProduct;
import org.ppi.catalog.product.ProductCommands.RetireProduct;
import org.ppi.catalog.product.ProductCommands.RetypeProduct;
import org.ppi.catalog.product.ProductCommands.ReviseProductFeatures;
import org.ppi.contracts.catalog.Frequency;
import org.ppi.contracts.catalog.ProductFeatures;
import org.ppi.contracts.catalog.ProductFeaturesRevised;
import org.ppi.contracts.catalog.ProductMergedInto;
import org.ppi.contracts.catalog.ProductRegistered;
import org.ppi.contracts.catalog.ProductRenamed;
import org.ppi.contracts.catalog.ProductRetired;
import org.ppi.contracts.catalog.ProductRetyped;
import org.ppi.contracts.catalog.ProductType;
import org.ppi.contracts.catalog.ProductVolumeChanged;
import org.ppi.contracts.catalog.UserGroup;
import org.ppi.platform.tenancy.ScopedId;

class ProductTest {
    private static final String TENANT = "inst-a";
    private static final String OTHER = "inst-b";
    private static final String USER = "ana.planner";
    private static final ProductFeatures NO_FEATURES = new ProductFeatures(null, Set.of(), null, null, List.of(), null, null);

    private FixtureConfiguration<Product> fixture;
    private final StubDirectory directory = new StubDirectory();

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Product.class);
        fixture.registerInjectableResource(directory);
        directory.centers.put(TENANT + "|c1", new CatalogDirectory.CenterFacts("c1", false));
        directory.centers.put(TENANT + "|closed", new CatalogDirectory.CenterFacts("closed", true));
        directory.centers.put(OTHER + "|c-other", new CatalogDirectory.CenterFacts("c-other", false));
        directory.products.put(TENANT + "|p2", new CatalogDirectory.ProductFacts("p2", true));
        directory.products.put(TENANT + "|p-retired", new CatalogDirectory.ProductFacts("p-retired", false));
        directory.products.put(OTHER + "|p-other", new CatalogDirectory.ProductFacts("p-other", true));
    }

    private static RegisterProduct register(String centerId, ProductType type, boolean core, String volume) {
        return new RegisterProduct("p1", TENANT, USER, centerId, "  Atención de quejas ciudadanas ", type, core,
                volume == null ? null : new BigDecimal(volume), "quejas", null);
    }

    private static ProductRegistered registered() {
        return new ProductRegistered(TENANT, USER, "p1", "c1", "Atención de quejas ciudadanas", ProductType.TERMINAL, true,
                new BigDecimal("1200"), "quejas", NO_FEATURES);
    }

    @Nested
    class Registration {
        @Test
        void registersATerminalCoreProductWithTrimmedNameAndEmptyFeatures() {
            fixture.givenNoPriorActivity()
                    .when(register("c1", ProductType.TERMINAL, true, "1200"))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(registered());
        }

        @Test
        void acceptsAnUnknownVolumeAsADataGap() {
            fixture.givenNoPriorActivity()
                    .when(register("c1", ProductType.INTERMEDIATE, false, null))
                    .expectEvents(new ProductRegistered(TENANT, USER, "p1", "c1", "Atención de quejas ciudadanas",
                            ProductType.INTERMEDIATE, false, null, "quejas", NO_FEATURES));
        }

        @Test
        void keepsFeaturesWithoutBlanksOrDuplicates() {
            ProductFeatures sent = new ProductFeatures(" Recibe quejas ", Set.of(UserGroup.CITIZENS), Frequency.DAILY, " ",
                    java.util.Arrays.asList("Recibir", " ", null, "Responder "), "", "Con P2");
            fixture.givenNoPriorActivity()
                    .when(new RegisterProduct("p1", TENANT, USER, "c1", "Quejas", ProductType.TERMINAL, false, BigDecimal.ONE,
                            " ", sent))
                    .expectEvents(new ProductRegistered(TENANT, USER, "p1", "c1", "Quejas", ProductType.TERMINAL, false,
                            BigDecimal.ONE, null, new ProductFeatures("Recibe quejas", Set.of(UserGroup.CITIZENS),
                            Frequency.DAILY, null, List.of("Recibir", "Responder"), null, "Con P2")));
        }

        @Test
        void refusesCoreOnAnIntermediateProduct() {
            fixture.givenNoPriorActivity()
                    .when(register("c1", ProductType.INTERMEDIATE, true, "12"))
                    .expectException(rejected(422, "product.core-intermediate"))
                    .expectNoEvents();
        }

        @Test
        void refusesANegativeVolume() {
            fixture.givenNoPriorActivity()
                    .when(register("c1", ProductType.TERMINAL, false, "-1"))
                    .expectException(rejected(400, "product.volume-negative"))
                    .expectNoEvents();
        }

        @Test
        void refusesABlankName() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterProduct("p1", TENANT, USER, "c1", "  ", ProductType.TERMINAL, false, null, null, null))
                    .expectException(rejected(400, "product.name-required"));
        }

        @Test
        void refusesAMissingType() {
            fixture.givenNoPriorActivity()
                    .when(register("c1", null, false, "1"))
                    .expectException(rejected(400, "request.missing-parameter"));
        }

        @Test
        void refusesAnUnknownCenter() {
            fixture.givenNoPriorActivity()
                    .when(register("nowhere", ProductType.TERMINAL, false, "1"))
                    .expectException(rejected(422, "center.not-found"))
                    .expectNoEvents();
        }

        @Test
        void refusesAClosedCenter() {
            fixture.givenNoPriorActivity()
                    .when(register("closed", ProductType.TERMINAL, false, "1"))
                    .expectException(rejected(422, "center.closed"))
                    .expectNoEvents();
        }

        @Test
        void refusesACenterOfAnotherInstitution() {
            fixture.givenNoPriorActivity()
                    .when(register("c-other", ProductType.TERMINAL, false, "1"))
                    .expectException(rejected(422, "center.not-found"))
                    .expectNoEvents();
        }
    }

    @Nested
    class Changes {
        @Test
        void renames() {
            fixture.given(registered())
                    .when(new RenameProduct("p1", TENANT, USER, " Quejas "))
                    .expectEvents(new ProductRenamed(TENANT, USER, "p1", "Quejas"));
        }

        @Test
        void renamingToTheSameNameRecordsNothing() {
            fixture.given(registered())
                    .when(new RenameProduct("p1", TENANT, USER, "Atención de quejas ciudadanas"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void refusesABlankNewName() {
            fixture.given(registered())
                    .when(new RenameProduct("p1", TENANT, USER, null))
                    .expectException(rejected(400, "product.name-required"));
        }

        @Test
        void revisesFeatures() {
            ProductFeatures features = new ProductFeatures("Recibe y responde quejas",
                    Set.of(UserGroup.CITIZENS, UserGroup.COMPANIES), Frequency.ON_DEMAND, "5 días",
                    List.of("Recibir", "Investigar", "Responder"), "Demoras", "Con el informe anual");
            fixture.given(registered())
                    .when(new ReviseProductFeatures("p1", TENANT, USER, features))
                    .expectEvents(new ProductFeaturesRevised(TENANT, USER, "p1", features));
        }

        @Test
        void revisingToTheSameFeaturesRecordsNothing() {
            fixture.given(registered())
                    .when(new ReviseProductFeatures("p1", TENANT, USER, null))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void retypesToIntermediateWithoutCore() {
            fixture.given(registered())
                    .when(new RetypeProduct("p1", TENANT, USER, ProductType.INTERMEDIATE, false))
                    .expectEvents(new ProductRetyped(TENANT, USER, "p1", ProductType.INTERMEDIATE, false));
        }

        @Test
        void refusesRetypingToACoreIntermediate() {
            fixture.given(registered())
                    .when(new RetypeProduct("p1", TENANT, USER, ProductType.INTERMEDIATE, true))
                    .expectException(rejected(422, "product.core-intermediate"))
                    .expectNoEvents();
        }

        @Test
        void changesTheVolume() {
            fixture.given(registered())
                    .when(new ChangeProductVolume("p1", TENANT, USER, new BigDecimal("1500"), "quejas"))
                    .expectEvents(new ProductVolumeChanged(TENANT, USER, "p1", new BigDecimal("1500"), "quejas"));
        }

        @Test
        void forgetsAVolumeThatTurnsOutUnknown() {
            fixture.given(registered())
                    .when(new ChangeProductVolume("p1", TENANT, USER, null, "quejas"))
                    .expectEvents(new ProductVolumeChanged(TENANT, USER, "p1", null, "quejas"));
        }

        @Test
        void anEqualVolumeWithAnotherScaleRecordsNothing() {
            fixture.given(registered())
                    .when(new ChangeProductVolume("p1", TENANT, USER, new BigDecimal("1200.00"), "quejas"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void refusesANegativeVolume() {
            fixture.given(registered())
                    .when(new ChangeProductVolume("p1", TENANT, USER, new BigDecimal("-0.5"), "quejas"))
                    .expectException(rejected(400, "product.volume-negative"))
                    .expectNoEvents();
        }

        @Test
        void anotherInstitutionsCommandTargetsItsOwnProduct() {
            // Its stream (OTHER~p1) has no events: the repository answers not found, 404 product.not-found at the
            // door (CatalogServiceIntegrationTest), and this product is never loaded.
            String mine = new RenameProduct("p1", TENANT, USER, "Mine").aggregateId();
            assertThat(mine).isEqualTo(ScopedId.of(TENANT, "p1"));
            assertThat(new RenameProduct("p1", OTHER, "intruder", "Mine").aggregateId()).isEqualTo(OTHER + "~p1");
            assertThat(new RetireProduct("p1", OTHER, "intruder", null).aggregateId()).isNotEqualTo(mine);
            assertThat(new MergeProducts("p1", OTHER, "intruder", "p-other").aggregateId()).isNotEqualTo(mine);
        }

        @Test
        void retires() {
            fixture.given(registered())
                    .when(new RetireProduct("p1", TENANT, USER, " Ya no se produce "))
                    .expectEvents(new ProductRetired(TENANT, USER, "p1", "Ya no se produce"));
        }

        @Test
        void aRetiredProductAcceptsNoChange() {
            fixture.given(registered(), new ProductRetired(TENANT, USER, "p1", null))
                    .when(new ChangeProductVolume("p1", TENANT, USER, BigDecimal.TEN, "quejas"))
                    .expectException(rejected(409, "product.retired"))
                    .expectNoEvents();
        }

        @Test
        void aRetiredProductCannotBeRetiredAgain() {
            fixture.given(registered(), new ProductRetired(TENANT, USER, "p1", null))
                    .when(new RetireProduct("p1", TENANT, USER, null))
                    .expectException(rejected(409, "product.retired"));
        }
    }

    @Nested
    class Merge {
        @Test
        void mergesIntoAnActiveProductOfTheSameInstitution() {
            fixture.given(registered())
                    .when(new MergeProducts("p1", TENANT, USER, "p2"))
                    .expectEvents(new ProductMergedInto(TENANT, USER, "p1", "p2"));
        }

        /** Links I1 → I2 → I3 → T (p1 = I1, p2 = I2, p3 = I3): the case. */
        private void chainI1I2I3T() {
            directory.products.put(TENANT + "|p3", new CatalogDirectory.ProductFacts("p3", true));
            directory.links.add(new CatalogDirectory.LinkFacts("p1", "p2"));
            directory.links.add(new CatalogDirectory.LinkFacts("p2", "p3"));
            directory.links.add(new CatalogDirectory.LinkFacts("p3", "T"));
        }

        @Test
        void refusesMergingI3IntoI1WhichWouldCloseACycleInTheValueChains() {
            chainI1I2I3T();
            directory.products.put(TENANT + "|p1", new CatalogDirectory.ProductFacts("p1", true));
            fixture.givenCommands(new RegisterProduct("p3", TENANT, USER, "c1", "I3", ProductType.INTERMEDIATE, false,
                            null, null, null))
                    .when(new MergeProducts("p3", TENANT, USER, "p1"))
                    .expectException(rejected(409, "product.merge-cycle"))
                    .expectExceptionMessage(org.hamcrest.Matchers.containsString("p1 → p2 → p1"))
                    .expectNoEvents();
            assertThat(directory.locks).isPositive();
        }

        @Test
        void refusesMergingI1IntoI3Too() {
            chainI1I2I3T();
            fixture.givenCommands(register("c1", ProductType.INTERMEDIATE, false, "1"))
                    .when(new MergeProducts("p1", TENANT, USER, "p3"))
                    .expectException(rejected(409, "product.merge-cycle"))
                    .expectExceptionMessage(org.hamcrest.Matchers.containsString("p3 → p2 → p3"));
        }

        @Test
        void refusesAMergeOfNeighboursThatWouldLinkAProductToItself() {
            chainI1I2I3T();
            fixture.givenCommands(register("c1", ProductType.INTERMEDIATE, false, "1"))
                    .when(new MergeProducts("p1", TENANT, USER, "p2"))
                    .expectException(rejected(409, "product.merge-cycle"));
        }

        @Test
        void mergesWhenNoCycleFollows() {
            chainI1I2I3T();
            directory.links.clear();
            directory.links.add(new CatalogDirectory.LinkFacts("p1", "T"));
            directory.links.add(new CatalogDirectory.LinkFacts("p3", "T"));
            fixture.givenCommands(register("c1", ProductType.INTERMEDIATE, false, "1"))
                    .when(new MergeProducts("p1", TENANT, USER, "p3"))
                    .expectEvents(new ProductMergedInto(TENANT, USER, "p1", "p3"));
        }

        @Test
        void refusesATargetMergedByACommandThatWonTheLock() {
            directory.merges.put("p2", "p9");
            fixture.givenCommands(register("c1", ProductType.INTERMEDIATE, false, "1"))
                    .when(new MergeProducts("p1", TENANT, USER, "p2"))
                    .expectException(rejected(409, "product.merge-target-inactive"));
        }

        @Test
        void aMergedProductAcceptsNoChange() {
            fixture.given(registered(), new ProductMergedInto(TENANT, USER, "p1", "p2"))
                    .when(new RenameProduct("p1", TENANT, USER, "Otro"))
                    .expectException(rejected(409, "product.merged"))
                    .expectNoEvents();
        }

        @Test
        void refusesMergingIntoItself() {
            fixture.given(registered())
                    .when(new MergeProducts("p1", TENANT, USER, "p1"))
                    .expectException(rejected(422, "product.merge-self"))
                    .expectNoEvents();
        }

        @Test
        void refusesMergingIntoAProductOfAnotherInstitution() {
            fixture.given(registered())
                    .when(new MergeProducts("p1", TENANT, USER, "p-other"))
                    .expectException(rejected(422, "product.merge-target-not-found"))
                    .expectNoEvents();
        }

        @Test
        void refusesMergingIntoARetiredProduct() {
            fixture.given(registered())
                    .when(new MergeProducts("p1", TENANT, USER, "p-retired"))
                    .expectException(rejected(409, "product.merge-target-inactive"))
                    .expectNoEvents();
        }

        @Test
        void refusesMergingARetiredProduct() {
            fixture.given(registered(), new ProductRetired(TENANT, USER, "p1", null))
                    .when(new MergeProducts("p1", TENANT, USER, "p2"))
                    .expectException(rejected(409, "product.retired"));
        }


        @Test
        void refusesAMissingTarget() {
            fixture.given(registered())
                    .when(new MergeProducts("p1", TENANT, USER, " "))
                    .expectException(rejected(400, "request.missing-parameter"));
        }
    }

    /** The read models a handler would consult, as plain maps keyed by "institution|id". */
    static final class StubDirectory implements CatalogDirectory {
        final Map<String, CenterFacts> centers = new HashMap<>();
        final Map<String, ProductFacts> products = new HashMap<>();
        final List<LinkFacts> links = new java.util.ArrayList<>();
        final Map<String, String> merges = new HashMap<>();
        int locks;

        @Override
        public List<LinkFacts> links(String institutionId) {
            return TENANT.equals(institutionId) ? links : List.of();
        }

        @Override
        public Map<String, String> mergedInto(String institutionId) {
            return TENANT.equals(institutionId) ? merges : Map.of();
        }

        @Override
        public void lockMerges(String institutionId) {
            locks++;
        }

        @Override
        public Optional<CenterFacts> center(String institutionId, String centerId) {
            return Optional.ofNullable(centers.get(institutionId + "|" + centerId));
        }

        @Override
        public Optional<ProductFacts> product(String institutionId, String productId) {
            return Optional.ofNullable(products.get(institutionId + "|" + productId));
        }
    }
}
