ALTER TABLE "expenses" ADD COLUMN "finance_stage" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "expenses" ADD COLUMN "override_reason" text;