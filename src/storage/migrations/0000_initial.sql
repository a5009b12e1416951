CREATE TABLE "audit_events" (
	"organisation_id" text NOT NULL,
	"seq" bigserial NOT NULL,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" text,
	"platform" text NOT NULL,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text NOT NULL,
	"before" jsonb,
	"after" jsonb,
	"request_id" text,
	CONSTRAINT "audit_events_organisation_id_seq_pk" PRIMARY KEY("organisation_id","seq")
);
--> statement-breakpoint
CREATE TABLE "audit_seals" (
	"organisation_id" text NOT NULL,
	"position" bigint NOT NULL,
	"event_seq" bigint NOT NULL,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL,
	"sealed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "audit_seals_organisation_id_position_pk" PRIMARY KEY("organisation_id","position"),
	CONSTRAINT "audit_seals_organisationId_eventSeq_unique" UNIQUE("organisation_id","event_seq")
);
--> statement-breakpoint
CREATE TABLE "budget_revisions" (
	"organisation_id" text NOT NULL,
	"budget_id" text NOT NULL,
	"revision" integer NOT NULL,
	"before" jsonb,
	"after" jsonb NOT NULL,
	"changed_by" text NOT NULL,
	"reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "budget_revisions_organisation_id_budget_id_revision_pk" PRIMARY KEY("organisation_id","budget_id","revision")
);
--> statement-breakpoint
CREATE TABLE "budgets" (
	"organisation_id" text NOT NULL,
	"id" text NOT NULL,
	"client_id" text NOT NULL,
	"project_id" text,
	"category_code" text,
	"period" text NOT NULL,
	"amount_minor" bigint NOT NULL,
	"currency" char(3) NOT NULL,
	"thresholds_percent" jsonb NOT NULL,
	"action" text NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "budgets_organisation_id_id_pk" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
CREATE TABLE "approval_steps" (
	"organisation_id" text NOT NULL,
	"expense_id" text NOT NULL,
	"round" integer NOT NULL,
	"stage" integer NOT NULL,
	"stage_kind" text NOT NULL,
	"eligible_member_ids" jsonb NOT NULL,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decision" text,
	"decider_id" text,
	"on_behalf_of" text,
	"approved_amount_minor" bigint,
	"reason" text,
	"decided_at" timestamp with time zone,
	CONSTRAINT "approval_steps_organisation_id_expense_id_round_stage_pk" PRIMARY KEY("organisation_id","expense_id","round","stage")
);
--> statement-breakpoint
CREATE TABLE "exchange_rates" (
	"organisation_id" text NOT NULL,
	"from_currency" char(3) NOT NULL,
	"to_currency" char(3) NOT NULL,
	"effective_on" date NOT NULL,
	"rate" numeric(24, 10) NOT NULL,
	"source" text DEFAULT 'manual' NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "exchange_rates_organisation_id_from_currency_to_currency_effective_on_pk" PRIMARY KEY("organisation_id","from_currency","to_currency","effective_on")
);
--> statement-breakpoint
CREATE TABLE "expenses" (
	"organisation_id" text NOT NULL,
	"id" text NOT NULL,
	"kind" text DEFAULT 'expense' NOT NULL,
	"client_id" text NOT NULL,
	"project_id" text,
	"category_code" text NOT NULL,
	"amount_minor" bigint NOT NULL,
	"currency" char(3) NOT NULL,
	"client_amount_minor" bigint NOT NULL,
	"client_currency" char(3) NOT NULL,
	"rate" numeric(24, 10),
	"rate_date" date,
	"incurred_on" date NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"merchant" text,
	"payment_method" text,
	"billable" boolean NOT NULL,
	"invoice_number" text,
	"missing_receipt_reason" text,
	"submitter_id" text NOT NULL,
	"source_address" text,
	"status" text NOT NULL,
	"stage" integer,
	"stage_count" integer,
	"approval_round" integer DEFAULT 1 NOT NULL,
	"approved_amount_minor" bigint,
	"status_reason" text,
	"findings" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"billed_at" timestamp with time zone,
	"reimbursed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "expenses_organisation_id_id_pk" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
CREATE TABLE "receipts" (
	"organisation_id" text NOT NULL,
	"id" text NOT NULL,
	"expense_id" text NOT NULL,
	"storage_key" text NOT NULL,
	"sha256" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"content_type" text NOT NULL,
	"file_name" text,
	"uploaded_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "receipts_organisation_id_id_pk" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
CREATE TABLE "idempotency_keys" (
	"organisation_id" text NOT NULL,
	"key" text NOT NULL,
	"operation" text NOT NULL,
	"result" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idempotency_keys_organisation_id_key_pk" PRIMARY KEY("organisation_id","key")
);
--> statement-breakpoint
CREATE TABLE "job_runs" (
	"organisation_id" text NOT NULL,
	"job" text NOT NULL,
	"period_key" text NOT NULL,
	"target" text NOT NULL,
	"status" text DEFAULT 'claimed' NOT NULL,
	"claimed_by" text,
	"claimed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"detail" jsonb,
	CONSTRAINT "job_runs_organisation_id_job_period_key_target_pk" PRIMARY KEY("organisation_id","job","period_key","target")
);
--> statement-breakpoint
CREATE TABLE "channel_bindings" (
	"organisation_id" text NOT NULL,
	"id" text NOT NULL,
	"address" text NOT NULL,
	"client_id" text,
	"audience" text NOT NULL,
	"report_schedule" text,
	"report_locale" text,
	"budget_warnings" boolean DEFAULT false NOT NULL,
	"webhook_url" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "channel_bindings_organisation_id_id_pk" PRIMARY KEY("organisation_id","id"),
	CONSTRAINT "channel_bindings_organisationId_address_clientId_unique" UNIQUE("organisation_id","address","client_id")
);
--> statement-breakpoint
CREATE TABLE "outbox" (
	"organisation_id" text NOT NULL,
	"id" text NOT NULL,
	"dedupe_key" text NOT NULL,
	"address" text NOT NULL,
	"kind" text NOT NULL,
	"payload" jsonb NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_error" text,
	"delivered_at" timestamp with time zone,
	"delivery_ref" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "outbox_organisation_id_id_pk" PRIMARY KEY("organisation_id","id"),
	CONSTRAINT "outbox_organisationId_dedupeKey_unique" UNIQUE("organisation_id","dedupe_key")
);
--> statement-breakpoint
CREATE TABLE "approver_assignments" (
	"organisation_id" text NOT NULL,
	"client_id" text NOT NULL,
	"stage" integer NOT NULL,
	"member_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "approver_assignments_organisation_id_client_id_stage_member_id_pk" PRIMARY KEY("organisation_id","client_id","stage","member_id")
);
--> statement-breakpoint
CREATE TABLE "categories" (
	"organisation_id" text NOT NULL,
	"code" text NOT NULL,
	"names" jsonb NOT NULL,
	"aliases" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"billable_default" boolean DEFAULT true NOT NULL,
	"prohibited" boolean DEFAULT false NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "categories_organisation_id_code_pk" PRIMARY KEY("organisation_id","code")
);
--> statement-breakpoint
CREATE TABLE "clients" (
	"organisation_id" text NOT NULL,
	"id" text NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"currency" text NOT NULL,
	"time_zone" text NOT NULL,
	"locale" text DEFAULT 'en' NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"closed_through" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "clients_organisation_id_id_pk" PRIMARY KEY("organisation_id","id"),
	CONSTRAINT "clients_organisationId_code_unique" UNIQUE("organisation_id","code")
);
--> statement-breakpoint
CREATE TABLE "delegations" (
	"organisation_id" text NOT NULL,
	"id" text NOT NULL,
	"from_member_id" text NOT NULL,
	"to_member_id" text NOT NULL,
	"until" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "delegations_organisation_id_id_pk" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
CREATE TABLE "link_codes" (
	"organisation_id" text NOT NULL,
	"code" text NOT NULL,
	"member_id" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "link_codes_organisation_id_code_pk" PRIMARY KEY("organisation_id","code")
);
--> statement-breakpoint
CREATE TABLE "member_identities" (
	"identity" text PRIMARY KEY NOT NULL,
	"organisation_id" text NOT NULL,
	"member_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "member_roles" (
	"organisation_id" text NOT NULL,
	"member_id" text NOT NULL,
	"role" text NOT NULL,
	"granted_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "member_roles_organisation_id_member_id_role_pk" PRIMARY KEY("organisation_id","member_id","role")
);
--> statement-breakpoint
CREATE TABLE "members" (
	"organisation_id" text NOT NULL,
	"id" text NOT NULL,
	"display_name" text NOT NULL,
	"locale" text,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "members_organisation_id_id_pk" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
CREATE TABLE "organisations" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"locale" text DEFAULT 'en' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "policies" (
	"organisation_id" text NOT NULL,
	"scope" text NOT NULL,
	"settings" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "policies_organisation_id_scope_pk" PRIMARY KEY("organisation_id","scope")
);
--> statement-breakpoint
CREATE TABLE "projects" (
	"organisation_id" text NOT NULL,
	"id" text NOT NULL,
	"client_id" text NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"start_on" date,
	"end_on" date,
	"status" text DEFAULT 'active' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "projects_organisation_id_id_pk" PRIMARY KEY("organisation_id","id"),
	CONSTRAINT "projects_organisationId_clientId_code_unique" UNIQUE("organisation_id","client_id","code")
);
--> statement-breakpoint
ALTER TABLE "budget_revisions" ADD CONSTRAINT "budget_revisions_organisation_id_budget_id_budgets_organisation_id_id_fk" FOREIGN KEY ("organisation_id","budget_id") REFERENCES "public"."budgets"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budgets" ADD CONSTRAINT "budgets_organisation_id_client_id_clients_organisation_id_id_fk" FOREIGN KEY ("organisation_id","client_id") REFERENCES "public"."clients"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approval_steps" ADD CONSTRAINT "approval_steps_organisation_id_expense_id_expenses_organisation_id_id_fk" FOREIGN KEY ("organisation_id","expense_id") REFERENCES "public"."expenses"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expenses" ADD CONSTRAINT "expenses_organisation_id_client_id_clients_organisation_id_id_fk" FOREIGN KEY ("organisation_id","client_id") REFERENCES "public"."clients"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "receipts" ADD CONSTRAINT "receipts_organisation_id_expense_id_expenses_organisation_id_id_fk" FOREIGN KEY ("organisation_id","expense_id") REFERENCES "public"."expenses"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clients" ADD CONSTRAINT "clients_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_identities" ADD CONSTRAINT "member_identities_organisation_id_member_id_members_organisation_id_id_fk" FOREIGN KEY ("organisation_id","member_id") REFERENCES "public"."members"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_roles" ADD CONSTRAINT "member_roles_organisation_id_member_id_members_organisation_id_id_fk" FOREIGN KEY ("organisation_id","member_id") REFERENCES "public"."members"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "members" ADD CONSTRAINT "members_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_organisation_id_client_id_clients_organisation_id_id_fk" FOREIGN KEY ("organisation_id","client_id") REFERENCES "public"."clients"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_events_organisation_id_entity_type_entity_id_index" ON "audit_events" USING btree ("organisation_id","entity_type","entity_id");--> statement-breakpoint
CREATE INDEX "approval_steps_organisation_id_decision_requested_at_index" ON "approval_steps" USING btree ("organisation_id","decision","requested_at");--> statement-breakpoint
CREATE INDEX "expenses_organisation_id_client_id_incurred_on_index" ON "expenses" USING btree ("organisation_id","client_id","incurred_on");--> statement-breakpoint
CREATE INDEX "expenses_organisation_id_client_id_status_incurred_on_index" ON "expenses" USING btree ("organisation_id","client_id","status","incurred_on");--> statement-breakpoint
CREATE INDEX "expenses_organisation_id_submitter_id_created_at_index" ON "expenses" USING btree ("organisation_id","submitter_id","created_at");--> statement-breakpoint
CREATE INDEX "receipts_organisation_id_expense_id_index" ON "receipts" USING btree ("organisation_id","expense_id");--> statement-breakpoint
CREATE INDEX "receipts_organisation_id_sha256_index" ON "receipts" USING btree ("organisation_id","sha256");--> statement-breakpoint
CREATE INDEX "outbox_due_idx" ON "outbox" USING btree ("next_attempt_at") WHERE "outbox"."status" = 'pending';