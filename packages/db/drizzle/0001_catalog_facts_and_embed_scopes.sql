CREATE TYPE "public"."activity_kind" AS ENUM('campaign', 'co_selling', 'joint_development', 'event', 'training', 'meeting', 'call', 'business_review', 'innovation');--> statement-breakpoint
CREATE TYPE "public"."cost_kind" AS ENUM('commission', 'market_development_funds', 'fees', 'enablement');--> statement-breakpoint
CREATE TYPE "public"."embed_scope" AS ENUM('partner', 'program');--> statement-breakpoint
CREATE TYPE "public"."partner_type" AS ENUM('reseller', 'referral', 'co_marketing', 'technology', 'service');--> statement-breakpoint
CREATE TABLE "activities" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "activities_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"program_id" bigint NOT NULL,
	"kind" "activity_kind" NOT NULL,
	"title" text NOT NULL,
	"occurred_on" date NOT NULL,
	"completed" boolean DEFAULT true NOT NULL,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "activity_partners" (
	"program_id" bigint NOT NULL,
	"activity_id" bigint NOT NULL,
	"partner_id" bigint NOT NULL,
	CONSTRAINT "activity_partners_activity_id_partner_id_pk" PRIMARY KEY("activity_id","partner_id")
);
--> statement-breakpoint
CREATE TABLE "costs" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "costs_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"program_id" bigint NOT NULL,
	"partner_id" bigint NOT NULL,
	"kind" "cost_kind" NOT NULL,
	"amount_minor" bigint NOT NULL,
	"incurred_on" date NOT NULL,
	"note" text,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "lead_partners" (
	"program_id" bigint NOT NULL,
	"lead_id" bigint NOT NULL,
	"partner_id" bigint NOT NULL,
	"position" smallint NOT NULL,
	CONSTRAINT "lead_partners_lead_id_partner_id_pk" PRIMARY KEY("lead_id","partner_id")
);
--> statement-breakpoint
CREATE TABLE "manual_measures" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "manual_measures_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"program_id" bigint NOT NULL,
	"partner_id" bigint,
	"metric_id" text NOT NULL,
	"measured_on" date NOT NULL,
	"value" numeric(20, 6) NOT NULL,
	"note" text,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "target_segments" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "target_segments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"program_id" bigint NOT NULL,
	"name" text NOT NULL,
	"target_accounts" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "target_segments_program_name" UNIQUE("program_id","name")
);
--> statement-breakpoint
ALTER TABLE "embed_keys" ALTER COLUMN "partner_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "embed_keys" ADD COLUMN "scope" "embed_scope" DEFAULT 'partner' NOT NULL;--> statement-breakpoint
ALTER TABLE "embed_keys" ADD COLUMN "metrics" text[];--> statement-breakpoint
ALTER TABLE "partners" ADD COLUMN "type" "partner_type" DEFAULT 'reseller' NOT NULL;--> statement-breakpoint
ALTER TABLE "partners" ADD COLUMN "tier" text;--> statement-breakpoint
ALTER TABLE "partners" ADD COLUMN "declared_reach" integer;--> statement-breakpoint
ALTER TABLE "partners" ADD COLUMN "joined_on" date DEFAULT current_date NOT NULL;--> statement-breakpoint
ALTER TABLE "partners" ADD COLUMN "ended_on" date;--> statement-breakpoint
ALTER TABLE "programs" ADD COLUMN "gross_margin_bp" integer DEFAULT 10000 NOT NULL;--> statement-breakpoint
ALTER TABLE "programs" ADD COLUMN "lifetime_cap_months" smallint DEFAULT 60 NOT NULL;--> statement-breakpoint
ALTER TABLE "programs" ADD COLUMN "health_weights" jsonb DEFAULT '{"engagement":1,"satisfaction":1,"growth":1,"expansion":1}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "segment" text;--> statement-breakpoint
ALTER TABLE "ratings" ADD COLUMN "communication" smallint;--> statement-breakpoint
ALTER TABLE "ratings" ADD COLUMN "trust" smallint;--> statement-breakpoint
ALTER TABLE "ratings" ADD COLUMN "value" smallint;--> statement-breakpoint
ALTER TABLE "ratings" ADD COLUMN "support" smallint;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_partners" ADD CONSTRAINT "activity_partners_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_partners" ADD CONSTRAINT "activity_partners_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_partners" ADD CONSTRAINT "activity_partners_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "costs" ADD CONSTRAINT "costs_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "costs" ADD CONSTRAINT "costs_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "costs" ADD CONSTRAINT "costs_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_partners" ADD CONSTRAINT "lead_partners_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_partners" ADD CONSTRAINT "lead_partners_lead_id_leads_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."leads"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_partners" ADD CONSTRAINT "lead_partners_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "manual_measures" ADD CONSTRAINT "manual_measures_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "manual_measures" ADD CONSTRAINT "manual_measures_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "manual_measures" ADD CONSTRAINT "manual_measures_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target_segments" ADD CONSTRAINT "target_segments_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "activities_program_day" ON "activities" USING btree ("program_id","occurred_on");--> statement-breakpoint
CREATE INDEX "activity_partners_partner" ON "activity_partners" USING btree ("program_id","partner_id");--> statement-breakpoint
CREATE INDEX "costs_program_partner_day" ON "costs" USING btree ("program_id","partner_id","incurred_on");--> statement-breakpoint
CREATE INDEX "lead_partners_partner" ON "lead_partners" USING btree ("program_id","partner_id");--> statement-breakpoint
CREATE INDEX "manual_measures_program_metric_day" ON "manual_measures" USING btree ("program_id","metric_id","measured_on");--> statement-breakpoint
ALTER TABLE "embed_keys" ADD CONSTRAINT "embed_keys_scope_partner" CHECK (("embed_keys"."scope" = 'partner') = ("embed_keys"."partner_id" is not null));