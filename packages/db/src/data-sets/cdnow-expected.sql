-- Expected figures for the CDNOW purchase log, written from the
-- formulas in packages/metrics/docs/metrics.md and the loading rules in
-- docs/decisions/0009-cdnow-purchase-log.md, not from the engine's
-- queries. It reads only the raw lines (table cdnow_lines) and parses
-- them itself. One row per period, per partner (mod 0-3) and for all
-- four together (mod null).
with parsed as (
  select regexp_split_to_array(btrim(line), '\s+') as f from cdnow_lines
),
purchases as (
  select f[1]::int as customer_id,
    to_date(f[2], 'YYYYMMDD') as day,
    replace(f[4], '.', '')::bigint as cents
  from parsed
),
-- A customer is one from its first purchase until the day after 180
-- days without one, when the log (to 2022-06-30) reaches that day.
lives as (
  select customer_id, customer_id % 4 as mod,
    daterange(min(day),
      case when max(day) + 181 <= date '2022-06-30' then max(day) + 181 end,
      '[)') as life
  from purchases
  group by customer_id
),
periods as (
  select 'month' as kind, s::date as s, (s + interval '1 month')::date as e
  from generate_series(date '2021-01-01', date '2022-06-01',
    interval '1 month') s
  union all
  select 'quarter', s::date, (s + interval '3 months')::date
  from generate_series(date '2021-01-01', date '2022-04-01',
    interval '3 months') s
),
-- P-CLTV reads the twelve months that end where P ends.
windows as (
  select kind, s, e, daterange((e - interval '12 months')::date, e) as w
  from periods
),
per_customer as (
  select w.kind, w.s, l.mod,
    (lower(l.life) >= w.s and lower(l.life) < w.e) as is_new,
    l.life @> w.s as at_start,
    l.life @> w.s and l.life @> (w.e - 1) as retained,
    coalesce(upper(l.life * w.w) - lower(l.life * w.w), 0) as window_days,
    coalesce(upper(l.life) <@ w.w, false) as churned_in_window
  from windows w cross join lives l
),
counts as (
  select kind, s, mod,
    count(*) filter (where is_new) as new_customers,
    count(*) filter (where at_start) as at_start,
    count(*) filter (where retained) as retained,
    sum(window_days) as days,
    count(*) filter (where churned_in_window) as churned
  from per_customer
  group by grouping sets ((kind, s, mod), (kind, s))
),
revenue as (
  select w.kind, w.s, p.customer_id % 4 as mod, sum(p.cents) as cents
  from windows w join purchases p on w.w @> p.day
  group by grouping sets ((w.kind, w.s, p.customer_id % 4), (w.kind, w.s))
),
rates as (
  select c.*, coalesce(r.cents, 0) as window_cents,
    -- customer-months: days / (365.2425 / 12)
    c.days / 30.436875 as months
  from counts c
  left join revenue r on r.kind = c.kind and r.s = c.s
    and r.mod is not distinct from c.mod
)
select kind, to_char(s, 'YYYY-MM-DD') as start, mod,
  new_customers,
  case when at_start > 0 then retained::numeric / at_start end
    as retention,
  case when months > 0 then window_cents / months end as arpa,
  case when months > 0 then churned / months end as monthly_churn,
  -- ARPA x margin (100 %) x lifetime, lifetime = 1 / churn held at the
  -- 60-month cap (the cap also when nobody churned); rounded half away
  -- from zero to the cent.
  case when months > 0 then round(
    window_cents / months * 1.0 * case
      when churned = 0 or months / churned > 60 then 60
      else months / churned end
  ) end as cltv
from rates
order by kind, s, mod nulls last
