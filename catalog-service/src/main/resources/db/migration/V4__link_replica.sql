-- Replica of the value-chain topic: the links of active chains (intermediate → product it feeds), so a merge
-- that would close a cycle in costing's graph is refused here. A retired chain's links are deleted (a
-- retired chain accepts no change, costing reads none of them).
create table link_replica (
    institution_id          varchar(100)  not null,
    chain_id                varchar(100)  not null,
    intermediate_product_id varchar(100)  not null,
    feeds_product_id        varchar(100)  not null,
    last_event_id           varchar(64)   not null,
    primary key (institution_id, chain_id, intermediate_product_id, feeds_product_id)
);

-- One row per institution, updated (row-locked) by every merge: see CatalogDirectory.lockMerges.
create table merge_lock (
    institution_id  varchar(100)  primary key,
    merges          bigint        not null
);
