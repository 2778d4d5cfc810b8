-- The lifetime-value models fitted at a run's recompute (none for a run that was never recomputed).
CREATE TABLE seg_clv_model (
    run_id           bigint PRIMARY KEY,
    sufficient       boolean          NOT NULL,
    repeat_customers integer          NOT NULL,
    history_days     integer          NOT NULL,
    bg_r             double precision,
    bg_alpha         double precision,
    bg_a             double precision,
    bg_b             double precision,
    gg_p             double precision,
    gg_q             double precision,
    gg_gamma         double precision,
    fitted_at        timestamptz      NOT NULL DEFAULT now()
);

-- Spend in the window before asOf and in the window before that (falling spend, churn early warning).
ALTER TABLE seg_score ADD COLUMN recent_spend numeric NOT NULL DEFAULT 0;
ALTER TABLE seg_score ADD COLUMN previous_spend numeric NOT NULL DEFAULT 0;
