CREATE TABLE "verwijsverzoeken" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"referral_id" uuid NOT NULL,
	"bed_unit_id" uuid,
	"organisation_id" uuid NOT NULL,
	"status" text DEFAULT 'verzonden' NOT NULL,
	"afwijsreden" text,
	"toelichting" text,
	"intrekreden" text,
	"score" integer NOT NULL,
	"afstand_km" double precision,
	"afstand_naasten_km" double precision,
	"redenen" jsonb,
	"gemeente_code" text,
	"verzonden_at" timestamp with time zone DEFAULT now() NOT NULL,
	"beantwoord_at" timestamp with time zone,
	"ingetrokken_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "verwijsverzoeken_status_check" CHECK ("verwijsverzoeken"."status" in ('verzonden', 'geaccepteerd', 'afgewezen', 'ingetrokken')),
	CONSTRAINT "verwijsverzoeken_afwijsreden_check" CHECK (("verwijsverzoeken"."status" = 'afgewezen') = ("verwijsverzoeken"."afwijsreden" is not null))
);
--> statement-breakpoint
CREATE TABLE "verwijzingen" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"verwijzer_id" uuid,
	"region_id" uuid,
	"gemeente_code" text,
	"leeftijdscategorie" text NOT NULL,
	"pc4_verblijf" text,
	"pc4_naasten" text,
	"doelgroepen" text[] DEFAULT '{}' NOT NULL,
	"zorgbehoeften" text[] DEFAULT '{}' NOT NULL,
	"settings" text[] DEFAULT '{}' NOT NULL,
	"prognose" text NOT NULL,
	"urgentie" text NOT NULL,
	"max_afstand_km" integer NOT NULL,
	"wensen" text,
	"status" text DEFAULT 'open' NOT NULL,
	"aantal_kandidaten" integer,
	"uitsluitingen" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	"anonymised_at" timestamp with time zone,
	CONSTRAINT "verwijzingen_status_check" CHECK ("verwijzingen"."status" in ('open', 'geplaatst', 'afgesloten'))
);
--> statement-breakpoint
ALTER TABLE "verwijsverzoeken" ADD CONSTRAINT "verwijsverzoeken_referral_id_verwijzingen_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."verwijzingen"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "verwijsverzoeken" ADD CONSTRAINT "verwijsverzoeken_bed_unit_id_bed_units_id_fk" FOREIGN KEY ("bed_unit_id") REFERENCES "public"."bed_units"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "verwijsverzoeken" ADD CONSTRAINT "verwijsverzoeken_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "verwijsverzoeken" ADD CONSTRAINT "verwijsverzoeken_gemeente_code_gemeenten_code_fk" FOREIGN KEY ("gemeente_code") REFERENCES "public"."gemeenten"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "verwijzingen" ADD CONSTRAINT "verwijzingen_verwijzer_id_users_id_fk" FOREIGN KEY ("verwijzer_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "verwijzingen" ADD CONSTRAINT "verwijzingen_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "verwijzingen" ADD CONSTRAINT "verwijzingen_gemeente_code_gemeenten_code_fk" FOREIGN KEY ("gemeente_code") REFERENCES "public"."gemeenten"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "verwijsverzoeken_referral_idx" ON "verwijsverzoeken" USING btree ("referral_id");--> statement-breakpoint
CREATE INDEX "verwijsverzoeken_organisation_idx" ON "verwijsverzoeken" USING btree ("organisation_id","status");--> statement-breakpoint
CREATE INDEX "verwijsverzoeken_bed_unit_idx" ON "verwijsverzoeken" USING btree ("bed_unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "verwijsverzoeken_referral_unit_uq" ON "verwijsverzoeken" USING btree ("referral_id","bed_unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "verwijsverzoeken_een_acceptatie_uq" ON "verwijsverzoeken" USING btree ("referral_id") WHERE "verwijsverzoeken"."status" = 'geaccepteerd';--> statement-breakpoint
CREATE INDEX "verwijzingen_verwijzer_idx" ON "verwijzingen" USING btree ("verwijzer_id","created_at");--> statement-breakpoint
CREATE INDEX "verwijzingen_region_idx" ON "verwijzingen" USING btree ("region_id","created_at");--> statement-breakpoint
CREATE INDEX "verwijzingen_gemeente_idx" ON "verwijzingen" USING btree ("gemeente_code");--> statement-breakpoint
CREATE INDEX "verwijzingen_retention_idx" ON "verwijzingen" USING btree ("closed_at") WHERE "verwijzingen"."anonymised_at" is null;