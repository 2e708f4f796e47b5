ALTER TABLE "revenue_events" ADD COLUMN "import_key" text;--> statement-breakpoint
ALTER TABLE "revenue_events" ADD CONSTRAINT "revenue_events_import_key" UNIQUE("program_id","import_key");