CREATE TABLE "revenue_months" (
	"program_id" bigint NOT NULL,
	"partner_id" bigint,
	"month" date NOT NULL,
	"amount_minor" bigint NOT NULL,
	CONSTRAINT "revenue_months_program_partner_month" UNIQUE NULLS NOT DISTINCT("program_id","partner_id","month")
);
--> statement-breakpoint
ALTER TABLE "revenue_months" ADD CONSTRAINT "revenue_months_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "revenue_months" ADD CONSTRAINT "revenue_months_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;