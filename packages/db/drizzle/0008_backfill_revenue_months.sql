-- Custom SQL migration file, put your code below! --
-- Sums the revenue events written before revenue_months existed.
INSERT INTO "revenue_months" ("program_id", "partner_id", "month", "amount_minor")
SELECT r."program_id", c."partner_id",
  date_trunc('month', r."occurred_on"::timestamp)::date, sum(r."amount_minor")
FROM "revenue_events" r
JOIN "customers" c ON c."id" = r."customer_id"
GROUP BY 1, 2, 3;
