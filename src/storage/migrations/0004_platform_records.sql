CREATE TABLE "platform_records" (
	"organisation_id" text NOT NULL,
	"platform" text NOT NULL,
	"kind" text NOT NULL,
	"key" text NOT NULL,
	"value" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "platform_records_organisation_id_platform_kind_key_pk" PRIMARY KEY("organisation_id","platform","kind","key")
);
