-- A lot is only ever written by the ledger together with its entry, in the same transaction. The foreign
-- key's check locked that freshly inserted entry row again for every lot (a write per earned purchase),
-- the costliest part of storing a consumer batch's lots; the other keys (to the account) stay.
alter table point_lot drop constraint point_lot_entry_id_fkey;
