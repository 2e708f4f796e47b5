CREATE TYPE "public"."lead_match_kind" AS ENUM('same_partner', 'other_partner', 'customer');--> statement-breakpoint
ALTER TYPE "public"."lead_status" ADD VALUE 'under_review';--> statement-breakpoint
ALTER TYPE "public"."lead_status" ADD VALUE 'expired';--> statement-breakpoint
CREATE TABLE "lead_comments" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "lead_comments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"program_id" bigint NOT NULL,
	"lead_id" bigint NOT NULL,
	"author_id" bigint NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "lead_matches" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "lead_matches_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"program_id" bigint NOT NULL,
	"lead_id" bigint NOT NULL,
	"kind" "lead_match_kind" NOT NULL,
	"matched_lead_id" bigint,
	"matched_customer_id" bigint,
	"rules" text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "leads" ADD COLUMN "company_domain" text;--> statement-breakpoint
ALTER TABLE "leads" ADD COLUMN "name_key" text GENERATED ALWAYS AS (nullif(replace(regexp_replace(regexp_replace(' ' || trim(regexp_replace(replace(lower("company"), '.', ''), '[][[:space:]!"#$%&''()*+,/:;<=>?@\\^_`{|}~-]+', ' ', 'g')), '^ the ', ' '), '( (inc|incorporated|llc|llp|lp|ltd|limited|corp|corporation|co|company|plc|gmbh|mbh|ag|kg|ug|se|sa|sas|sarl|srl|spa|bv|nv|oy|ab|as|aps|pty|pte|kk))+$', ''), ' ', ''), '')) STORED;--> statement-breakpoint
ALTER TABLE "leads" ADD COLUMN "domain_key" text GENERATED ALWAYS AS (case when regexp_replace(coalesce(nullif(lower(trim("company_domain")), ''), nullif(split_part(lower(trim("contact_email")), '@', 2), '')), '^www[.]', '') in ('example.com', 'example.org', 'example.net', 'gmail.com', 'googlemail.com', 'yahoo.com', 'yahoo.co.uk', 'ymail.com', 'hotmail.com', 'outlook.com', 'live.com', 'msn.com', 'aol.com', 'icloud.com', 'me.com', 'mac.com', 'proton.me', 'protonmail.com', 'gmx.com', 'gmx.de', 'gmx.net', 'web.de', 'mail.com', 'yandex.com', 'yandex.ru', 'zoho.com', 'fastmail.com', 'hey.com', 'qq.com', '163.com', 't-online.de', 'orange.fr', 'free.fr') then null else regexp_replace(coalesce(nullif(lower(trim("company_domain")), ''), nullif(split_part(lower(trim("contact_email")), '@', 2), '')), '^www[.]', '') end) STORED;--> statement-breakpoint
ALTER TABLE "leads" ADD COLUMN "email_key" text GENERATED ALWAYS AS (nullif(lower(trim("contact_email")), '')) STORED;--> statement-breakpoint
ALTER TABLE "leads" ADD COLUMN "accepted_on" date;--> statement-breakpoint
ALTER TABLE "leads" ADD COLUMN "protected_until" date;--> statement-breakpoint
ALTER TABLE "leads" ADD COLUMN "expiry_warned_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "programs" ADD COLUMN "protection_days" smallint DEFAULT 90 NOT NULL;--> statement-breakpoint
ALTER TABLE "programs" ADD COLUMN "decision_sla_days" smallint DEFAULT 2 NOT NULL;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "name_key" text GENERATED ALWAYS AS (nullif(replace(regexp_replace(regexp_replace(' ' || trim(regexp_replace(replace(lower("name"), '.', ''), '[][[:space:]!"#$%&''()*+,/:;<=>?@\\^_`{|}~-]+', ' ', 'g')), '^ the ', ' '), '( (inc|incorporated|llc|llp|lp|ltd|limited|corp|corporation|co|company|plc|gmbh|mbh|ag|kg|ug|se|sa|sas|sarl|srl|spa|bv|nv|oy|ab|as|aps|pty|pte|kk))+$', ''), ' ', ''), '')) STORED;--> statement-breakpoint
ALTER TABLE "lead_comments" ADD CONSTRAINT "lead_comments_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_comments" ADD CONSTRAINT "lead_comments_lead_id_leads_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."leads"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_comments" ADD CONSTRAINT "lead_comments_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_matches" ADD CONSTRAINT "lead_matches_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_matches" ADD CONSTRAINT "lead_matches_lead_id_leads_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."leads"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_matches" ADD CONSTRAINT "lead_matches_matched_lead_id_leads_id_fk" FOREIGN KEY ("matched_lead_id") REFERENCES "public"."leads"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_matches" ADD CONSTRAINT "lead_matches_matched_customer_id_customers_id_fk" FOREIGN KEY ("matched_customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "lead_comments_lead" ON "lead_comments" USING btree ("program_id","lead_id","created_at");--> statement-breakpoint
CREATE INDEX "lead_matches_lead" ON "lead_matches" USING btree ("program_id","lead_id");--> statement-breakpoint
CREATE INDEX "lead_matches_matched" ON "lead_matches" USING btree ("program_id","matched_lead_id");--> statement-breakpoint
CREATE INDEX "leads_program_name_key" ON "leads" USING btree ("program_id","name_key");--> statement-breakpoint
CREATE INDEX "leads_program_domain_key" ON "leads" USING btree ("program_id","domain_key");--> statement-breakpoint
CREATE INDEX "leads_program_email_key" ON "leads" USING btree ("program_id","email_key");--> statement-breakpoint
CREATE INDEX "leads_program_protected" ON "leads" USING btree ("program_id","status","protected_until");--> statement-breakpoint
CREATE INDEX "customers_program_name_key" ON "customers" USING btree ("program_id","name_key");