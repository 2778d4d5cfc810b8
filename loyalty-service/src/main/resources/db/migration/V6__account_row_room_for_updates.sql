-- Every consumer batch updates the row of each member it touches (balance, qualifying bound): a hundred
-- purchases of one member make hundreds of row versions. On full pages each new version went to another
-- page, with new entries in every index of the table; lookups by customer id (the row locks, the ledger's
-- and the lots' foreign-key checks) then walked ever longer lists of dead versions. Free room on every
-- page lets PostgreSQL keep the versions of a row on its page (heap-only tuples, pruned in place, no
-- index entries). Applies to pages written from now on; VACUUM FULL would rewrite existing ones.
alter table loyalty_account set (fillfactor = 40);
