-- customer-service schema. Lengths mirror the domain limits (CustomerProfile, Purchase, ...); the
-- domain rejects longer values with a field error before they reach these columns.

CREATE TABLE customer (
    id                  uuid         PRIMARY KEY,
    external_id         varchar(100) CONSTRAINT customer_external_id_key UNIQUE,
    first_name          varchar(100),
    last_name           varchar(100),
    email               varchar(254) CONSTRAINT customer_email_key UNIQUE,
    phone               varchar(16)  CONSTRAINT customer_phone_key UNIQUE,
    company             varchar(200),
    job_title           varchar(100),
    acquisition_channel varchar(20),
    preferences         jsonb        NOT NULL DEFAULT '{}',
    tags                text[]       NOT NULL DEFAULT '{}',
    attributes          jsonb        NOT NULL DEFAULT '{}',
    birthday            date,
    referral_code       varchar(50),
    created_at          timestamptz  NOT NULL,
    updated_at          timestamptz  NOT NULL,
    version             bigint       NOT NULL,
    -- What the free-text filter q searches: names, e-mail and company, lower-cased once on write.
    search_text         text GENERATED ALWAYS AS (lower(
                            coalesce(first_name, '') || ' ' || coalesce(last_name, '') || ' ' ||
                            coalesce(email, '') || ' ' || coalesce(company, ''))) STORED,
    CONSTRAINT customer_identifiable CHECK (email IS NOT NULL OR phone IS NOT NULL OR external_id IS NOT NULL)
);

-- Cursor pagination walks (created_at, id).
CREATE INDEX customer_created_at_id ON customer (created_at, id);
CREATE INDEX customer_tags ON customer USING gin (tags);

CREATE TABLE purchase (
    id              uuid          PRIMARY KEY,
    customer_id     uuid          NOT NULL REFERENCES customer (id),
    -- Unique across the service, not per customer: a partner's retry can never attach one order twice.
    order_id        varchar(100)  NOT NULL CONSTRAINT purchase_order_id_key UNIQUE,
    currency        char(3)       NOT NULL,
    total           numeric(24,4) NOT NULL CHECK (total >= 0),
    returned_amount numeric(24,4) NOT NULL DEFAULT 0 CHECK (returned_amount >= 0 AND returned_amount <= total),
    line_count      integer       NOT NULL CHECK (line_count BETWEEN 1 AND 1000),
    occurred_at     timestamptz   NOT NULL,
    recorded_at     timestamptz   NOT NULL,
    version         bigint        NOT NULL
);

-- A customer's purchases, newest first.
CREATE INDEX purchase_customer_occurred ON purchase (customer_id, occurred_at DESC, id DESC);

CREATE TABLE purchase_line (
    purchase_id uuid          NOT NULL REFERENCES purchase (id) ON DELETE CASCADE,
    line_number integer       NOT NULL CHECK (line_number >= 1),
    sku         varchar(64)   NOT NULL,
    description varchar(500),
    quantity    integer       NOT NULL CHECK (quantity > 0),
    unit_price  numeric(20,4) NOT NULL CHECK (unit_price >= 0),
    PRIMARY KEY (purchase_id, line_number)
);

CREATE TABLE purchase_return (
    id          uuid          PRIMARY KEY,
    purchase_id uuid          NOT NULL REFERENCES purchase (id) ON DELETE CASCADE,
    return_key  varchar(100),
    amount      numeric(24,4) NOT NULL CHECK (amount >= 0),
    reason      varchar(500),
    occurred_at timestamptz   NOT NULL,
    recorded_at timestamptz   NOT NULL,
    CONSTRAINT purchase_return_key_key UNIQUE (purchase_id, return_key)
);

CREATE INDEX purchase_return_purchase ON purchase_return (purchase_id);

CREATE TABLE purchase_return_line (
    return_id   uuid          NOT NULL REFERENCES purchase_return (id) ON DELETE CASCADE,
    line_number integer       NOT NULL,
    sku         varchar(64)   NOT NULL,
    quantity    integer       NOT NULL CHECK (quantity > 0),
    amount      numeric(24,4) NOT NULL CHECK (amount >= 0),
    PRIMARY KEY (return_id, line_number)
);
