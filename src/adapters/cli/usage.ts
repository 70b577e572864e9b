/** The help text, with the command line as it is typed here (see commandLineName). */
export const usage = (name: string) => `lessons-bot — learning from child safeguarding case reviews

Usage: ${name} <command> [arguments] [options]

Commands:
  serve                 start the bot (Slack, Teams, or the console when neither is configured)
  search QUESTION       lessons that answer a question, e.g. search "lessons on chronologies"
  themes                the themes, with how many lessons each has
  theme NAME            the lessons on one theme, e.g. theme neglect
  reviews               the reviews in the corpus
  review NAME           one review and its lessons, e.g. review southwark-child-r
  lesson ID             one lesson in full, e.g. lesson southwark-child-r/8
  random                a lesson picked at random
  validate              check the lessons folder and list every problem; drafts are checked and named
  import FILE [--out DIR] [--replace]
                        draft a review from its PDF, Word file (.docx), web page (.html) or text:
                        writes lessons/drafts/<id>.yaml (not served) for a person to check
  approve DRAFT_ID      validate a draft and make it live (then announce it with publish): a file
                        draft in lessons/drafts/, else a draft made in chat, kept in the database
  export [--out DIR] [--drafts] [--replace]
                        write the reviews added through the bot (kept in the database) as review
                        files, DIR/<id>.yaml (default ./lessons-export), drafts in DIR/drafts/
  subscriptions add --platform slack|teams --channel ID [--team ID] [--label NAME]
                        [--day mon] [--time 09:00] [--tz Europe/London] [--themes a,b]
                        [--nation england|wales|scotland|northern-ireland] [--reminders on|off]
                        subscribe a channel to a weekly lesson (Teams: a conversation the bot is in);
                        --team is the workspace (Slack T…) or tenant (Teams), by default the bot
                        token's workspace, or the tenant of the Teams conversation; --nation
                        (default england) says whose bank holidays a reminder avoids
  subscriptions list    every subscription, with its id
  subscriptions remove ID
  deliver --at TIME     post every weekly lesson, follow-up and reminder due by TIME that has not
                        been posted
                        (e.g. 2026-11-23T09:05; without an offset read in --tz, default Europe/London)
  publish REVIEW [--again | again]
                        announce a review to every subscribed channel; resumes an unfinished run
  report [--since DATE] [--until DATE] [--review ID] [--theme ID] [--agency ID]
         [--format csv|json|html] [--table channels|evidence|plans|weekly] [--out FILE]
                        the evidence pack: what reached which team, what they discussed and
                        planned, and what changed (docs/report.md); --table picks the CSV
  forget --user slack:U…|teams:…
                        erase one person from everything kept (who pressed, published, subscribed);
                        the teams' records stay; recorded in the audit log (docs/privacy.md)
  purge-person-data     erase the people from rows older than PERSON_DATA_RETENTION_DAYS (the bot
                        does this daily by itself)
  help                  this text

Options:
  --json                print JSON instead of text (see README, "Command line")
  --lessons DIR         the lessons folder (default ./lessons, or env LESSONS_DIR)
  --limit N             lessons per answer for search and theme (1–50, default 5)
  --offset N            skip the first N lessons (for the next page)
  (subscriptions, deliver, publish, report, export, forget and purge-person-data use DATABASE_URL and the Slack and Teams
   variables, as the bot does: see docs/operations.md)
  -h, --help            this text

Exit codes: 0 done, 1 a problem with what was asked (see the message), 2 an internal error.`;
