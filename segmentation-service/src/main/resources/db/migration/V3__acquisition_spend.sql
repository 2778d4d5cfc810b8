-- What acquiring customers through a channel cost in a month (customer acquisition cost per channel).
CREATE TABLE seg_acquisition_spend (
    channel    text        NOT NULL,
    month      date        NOT NULL CHECK (extract(day FROM month) = 1),
    amount     numeric     NOT NULL CHECK (amount >= 0),
    currency   text        NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (channel, month)
);
CREATE INDEX seg_customer_channel ON seg_customer (acquisition_channel) WHERE acquisition_channel IS NOT NULL;
