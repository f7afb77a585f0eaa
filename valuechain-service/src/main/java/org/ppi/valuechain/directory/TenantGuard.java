package org.ppi.valuechain.directory;

import org.ppi.platform.web.DomainRejection;

/**
 * Another institution's aggregate answers exactly like a missing one (the platform's entity.not-found), so a
 * caller cannot even learn that the id exists elsewhere.
 */
public final class TenantGuard {
    private TenantGuard() {
    }

    public static void requireOwner(String ownerInstitutionId, String requesterInstitutionId, String aggregateId) {
        if (!ownerInstitutionId.equals(requesterInstitutionId)) {
            throw notFound(aggregateId);
        }
    }

    public static DomainRejection notFound(String id) {
        return DomainRejection.notFound("entity.not-found", "id", id);
    }
}
