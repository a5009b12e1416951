CREATE TABLE "console_messages" (
	"organisation_id" text NOT NULL,
	"seq" bigserial NOT NULL,
	"address" text NOT NULL,
	"outbox_id" text,
	"dedupe_key" text,
	"kind" text NOT NULL,
	"card" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "console_messages_organisation_id_seq_pk" PRIMARY KEY("organisation_id","seq")
);
--> statement-breakpoint
CREATE TABLE "conversation_prompts" (
	"organisation_id" text NOT NULL,
	"member_id" text NOT NULL,
	"kind" text NOT NULL,
	"payload" jsonb NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "conversation_prompts_organisation_id_member_id_pk" PRIMARY KEY("organisation_id","member_id")
);
--> statement-breakpoint
CREATE INDEX "console_messages_organisation_id_address_seq_index" ON "console_messages" USING btree ("organisation_id","address","seq");--> statement-breakpoint
CREATE INDEX "console_messages_organisation_id_dedupe_key_index" ON "console_messages" USING btree ("organisation_id","dedupe_key");