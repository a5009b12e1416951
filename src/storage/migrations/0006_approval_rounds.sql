CREATE TABLE "approval_rounds" (
	"organisation_id" text NOT NULL,
	"expense_id" text NOT NULL,
	"round" integer NOT NULL,
	"stage_count" integer NOT NULL,
	"stage_kinds" jsonb NOT NULL,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "approval_rounds_organisation_id_expense_id_round_pk" PRIMARY KEY("organisation_id","expense_id","round"),
	CONSTRAINT "approval_rounds_stage_count" CHECK ("approval_rounds"."stage_count" between 1 and 4),
	CONSTRAINT "approval_rounds_kinds_match_count" CHECK (jsonb_array_length("approval_rounds"."stage_kinds") = "approval_rounds"."stage_count")
);
--> statement-breakpoint
ALTER TABLE "approval_rounds" ADD CONSTRAINT "approval_rounds_organisation_id_expense_id_expenses_organisation_id_id_fk" FOREIGN KEY ("organisation_id","expense_id") REFERENCES "public"."expenses"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- Backfill the rounds opened before this table existed. The current round of a pending expense knows its shape
-- (expenses.stage_count and finance_stage). A finished round only left its decided steps: an approved last round
-- reached its final stage (finance when the expense had one); any other round is taken to end at its highest
-- decided stage, the best the old data can say. Every round opened from now on is written when it opens.
INSERT INTO "approval_rounds" ("organisation_id", "expense_id", "round", "stage_count", "stage_kinds", "opened_at")
SELECT r."organisation_id", r."expense_id", r."round", r."n", k."kinds", r."opened_at"
FROM (
	SELECT s."organisation_id", s."expense_id", s."round", min(s."requested_at") AS "opened_at",
		CASE WHEN e."status" = 'pending' AND e."approval_round" = s."round" AND e."stage_count" IS NOT NULL
			THEN e."stage_count" ELSE max(s."stage") END AS "n",
		CASE
			WHEN e."approval_round" = s."round" AND (e."status" = 'pending' OR e."status" = 'approved') THEN e."finance_stage"
			ELSE max(s."stage") = 4
		END AS "fin"
	FROM "approval_steps" s
	JOIN "expenses" e ON e."organisation_id" = s."organisation_id" AND e."id" = s."expense_id"
	GROUP BY s."organisation_id", s."expense_id", s."round", e."status", e."approval_round", e."stage_count", e."finance_stage"
) r
CROSS JOIN LATERAL (
	SELECT jsonb_agg(CASE WHEN r."fin" AND i = r."n" THEN 'finance' ELSE 'approvers' END ORDER BY i) AS "kinds"
	FROM generate_series(1, r."n") AS i
) k
ON CONFLICT DO NOTHING;
