CREATE TABLE "search_documents" (
	"service_id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"organisation_slug" text NOT NULL,
	"organisation_naam" text NOT NULL,
	"organisation_type" text NOT NULL,
	"naam" text NOT NULL,
	"categorie" text NOT NULL,
	"beschrijving" text DEFAULT '' NOT NULL,
	"doelgroepen" text[] DEFAULT '{}' NOT NULL,
	"expertise" text[] DEFAULT '{}' NOT NULL,
	"dag_en_nacht" boolean DEFAULT false NOT NULL,
	"voor_professionals" boolean DEFAULT false NOT NULL,
	"telefoon" text,
	"gemeente_codes" text[] DEFAULT '{}' NOT NULL,
	"region_ids" uuid[] DEFAULT '{}' NOT NULL,
	"locaties" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"lats" double precision[] DEFAULT '{}' NOT NULL,
	"lons" double precision[] DEFAULT '{}' NOT NULL,
	"naam_norm" text NOT NULL,
	"organisation_naam_norm" text NOT NULL,
	"tekst_a" text DEFAULT '' NOT NULL,
	"tekst_b" text DEFAULT '' NOT NULL,
	"tekst_c" text DEFAULT '' NOT NULL,
	"zoekvector" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('dutch_unaccent'::regconfig, coalesce(tekst_a, '')), 'A') || setweight(to_tsvector('dutch_unaccent'::regconfig, coalesce(tekst_b, '')), 'B') || setweight(to_tsvector('dutch_unaccent'::regconfig, coalesce(tekst_c, '')), 'C')) STORED NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "search_words" (
	"word" text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
ALTER TABLE "search_documents" ADD CONSTRAINT "search_documents_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "search_documents" ADD CONSTRAINT "search_documents_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "search_documents_zoekvector_idx" ON "search_documents" USING gin ("zoekvector");--> statement-breakpoint
CREATE INDEX "search_documents_organisation_idx" ON "search_documents" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "search_documents_type_idx" ON "search_documents" USING btree ("organisation_type");--> statement-breakpoint
CREATE INDEX "search_documents_doelgroepen_idx" ON "search_documents" USING gin ("doelgroepen");--> statement-breakpoint
CREATE INDEX "search_documents_expertise_idx" ON "search_documents" USING gin ("expertise");--> statement-breakpoint
CREATE INDEX "search_documents_gemeenten_idx" ON "search_documents" USING gin ("gemeente_codes");--> statement-breakpoint
CREATE INDEX "search_documents_regions_idx" ON "search_documents" USING gin ("region_ids");--> statement-breakpoint
CREATE INDEX "search_words_trgm_idx" ON "search_words" USING gin ("word" gin_trgm_ops);