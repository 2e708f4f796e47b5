ALTER TABLE "imports" ADD COLUMN "fingerprint" text;--> statement-breakpoint
CREATE UNIQUE INDEX "imports_fingerprint" ON "imports" USING btree ("program_id","kind","fingerprint");