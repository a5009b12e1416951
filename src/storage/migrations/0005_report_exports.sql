CREATE TABLE "report_renders" (
	"organisation_id" text NOT NULL,
	"key" text NOT NULL,
	"content_type" text NOT NULL,
	"file_name" text NOT NULL,
	"content" "bytea" NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "report_renders_organisation_id_key_pk" PRIMARY KEY("organisation_id","key")
);
--> statement-breakpoint
CREATE TABLE "signing_keys" (
	"organisation_id" text NOT NULL,
	"purpose" text NOT NULL,
	"secret" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "signing_keys_organisation_id_purpose_pk" PRIMARY KEY("organisation_id","purpose")
);
--> statement-breakpoint
CREATE INDEX "report_renders_organisation_id_expires_at_index" ON "report_renders" USING btree ("organisation_id","expires_at");