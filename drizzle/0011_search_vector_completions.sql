ALTER TABLE "search_documents" drop column "zoekvector";--> statement-breakpoint
ALTER TABLE "search_documents" ADD COLUMN "zoekvector" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('dutch_unaccent'::regconfig, coalesce(tekst_a, '')), 'A') || setweight(to_tsvector('dutch_unaccent'::regconfig, coalesce(tekst_b, '')), 'B') || setweight(to_tsvector('dutch_unaccent'::regconfig, coalesce(tekst_c, '')), 'C')) STORED NOT NULL;--> statement-breakpoint
CREATE INDEX "search_words_prefix_idx" ON "search_words" USING btree ("word" text_pattern_ops);--> statement-breakpoint
-- Dropping the column dropped its index; drizzle-kit does not notice, so it is recreated here.
CREATE INDEX "search_documents_zoekvector_idx" ON "search_documents" USING gin ("zoekvector");