-- One row per institution, locked (updated) by every write that may close a cycle in its link graph:
-- see ValueChainDirectory.lockLinkGraph. writes only counts them.
create table link_graph_lock (
    institution_id  varchar(100)  primary key,
    writes          bigint        not null
);
