using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KeyAccount.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class SurveyResponses : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "ck_survey_invitations_hash",
                table: "survey_invitations");

            migrationBuilder.DropCheckConstraint(
                name: "ck_survey_invitations_nonce",
                table: "survey_invitations");

            migrationBuilder.AlterColumn<byte[]>(
                name: "token_nonce",
                table: "survey_invitations",
                type: "bytea",
                nullable: true,
                oldClrType: typeof(byte[]),
                oldType: "bytea");

            migrationBuilder.AlterColumn<byte[]>(
                name: "token_hash",
                table: "survey_invitations",
                type: "bytea",
                nullable: true,
                oldClrType: typeof(byte[]),
                oldType: "bytea");

            migrationBuilder.CreateTable(
                name: "survey_responses",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    invitation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    campaign_id = table.Column<Guid>(type: "uuid", nullable: false),
                    template_id = table.Column<Guid>(type: "uuid", nullable: false),
                    account_id = table.Column<Guid>(type: "uuid", nullable: false),
                    contact_id = table.Column<Guid>(type: "uuid", nullable: false),
                    buying_role = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    channel = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    recorded_by = table.Column<Guid>(type: "uuid", nullable: true),
                    language = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    nps = table.Column<int>(type: "integer", nullable: true),
                    nps_group = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    lowest_rating = table.Column<int>(type: "integer", nullable: true),
                    needs_follow_up = table.Column<bool>(type: "boolean", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_survey_responses", x => x.id);
                    table.CheckConstraint("ck_survey_responses_nps", "nps IS NULL OR nps BETWEEN 0 AND 10");
                    table.CheckConstraint("ck_survey_responses_rating", "lowest_rating IS NULL OR lowest_rating BETWEEN 1 AND 5");
                    table.ForeignKey(
                        name: "fk_survey_responses_accounts_account_id",
                        column: x => x.account_id,
                        principalTable: "accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_survey_responses_contacts_contact_id",
                        column: x => x.contact_id,
                        principalTable: "contacts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_survey_responses_survey_campaigns_campaign_id",
                        column: x => x.campaign_id,
                        principalTable: "survey_campaigns",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_survey_responses_survey_invitations_invitation_id",
                        column: x => x.invitation_id,
                        principalTable: "survey_invitations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_survey_responses_survey_templates_template_id",
                        column: x => x.template_id,
                        principalTable: "survey_templates",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_survey_responses_users_recorded_by",
                        column: x => x.recorded_by,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "survey_answers",
                columns: table => new
                {
                    response_id = table.Column<Guid>(type: "uuid", nullable: false),
                    question_id = table.Column<Guid>(type: "uuid", nullable: false),
                    campaign_id = table.Column<Guid>(type: "uuid", nullable: false),
                    account_id = table.Column<Guid>(type: "uuid", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    question_type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    number = table.Column<int>(type: "integer", nullable: true),
                    choices = table.Column<string[]>(type: "text[]", nullable: true),
                    text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    nps_group = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    rating_group = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_survey_answers", x => new { x.response_id, x.question_id });
                    table.CheckConstraint("ck_survey_answers_number", "number IS NULL OR number BETWEEN 0 AND 10");
                    table.ForeignKey(
                        name: "fk_survey_answers_accounts_account_id",
                        column: x => x.account_id,
                        principalTable: "accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_survey_answers_survey_campaigns_campaign_id",
                        column: x => x.campaign_id,
                        principalTable: "survey_campaigns",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_survey_answers_survey_responses_response_id",
                        column: x => x.response_id,
                        principalTable: "survey_responses",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.AddCheckConstraint(
                name: "ck_survey_invitations_hash",
                table: "survey_invitations",
                sql: "token_hash IS NULL OR octet_length(token_hash) = 32");

            migrationBuilder.AddCheckConstraint(
                name: "ck_survey_invitations_nonce",
                table: "survey_invitations",
                sql: "token_nonce IS NULL OR octet_length(token_nonce) = 16");

            migrationBuilder.CreateIndex(
                name: "ix_survey_answers_account_id",
                table: "survey_answers",
                column: "account_id");

            migrationBuilder.CreateIndex(
                name: "ix_survey_answers_campaign_id_question_id",
                table: "survey_answers",
                columns: new[] { "campaign_id", "question_id" });

            migrationBuilder.CreateIndex(
                name: "ix_survey_responses_account_id_received_at",
                table: "survey_responses",
                columns: new[] { "account_id", "received_at" });

            migrationBuilder.CreateIndex(
                name: "ix_survey_responses_campaign_id_account_id",
                table: "survey_responses",
                columns: new[] { "campaign_id", "account_id" });

            migrationBuilder.CreateIndex(
                name: "ix_survey_responses_contact_id_received_at",
                table: "survey_responses",
                columns: new[] { "contact_id", "received_at" });

            migrationBuilder.CreateIndex(
                name: "ix_survey_responses_recorded_by",
                table: "survey_responses",
                column: "recorded_by");

            migrationBuilder.CreateIndex(
                name: "ix_survey_responses_template_id",
                table: "survey_responses",
                column: "template_id");

            migrationBuilder.CreateIndex(
                name: "ux_survey_responses_invitation",
                table: "survey_responses",
                column: "invitation_id",
                unique: true);

            // The satisfaction seam of tiering, health and the account metrics becomes a table: the latest campaign in
            // which the account has a response, with its NPS and the rest, written only by recording a response
            // (ISatisfactionRefresh). Readers keep reading account_satisfaction(account_id, nps).
            migrationBuilder.Sql("""
                DROP VIEW account_satisfaction;
                CREATE TABLE account_satisfaction (
                    account_id uuid PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,
                    campaign_id uuid NOT NULL REFERENCES survey_campaigns(id) ON DELETE CASCADE,
                    nps integer NOT NULL CHECK (nps BETWEEN -100 AND 100),
                    weighted_nps integer CHECK (weighted_nps BETWEEN -100 AND 100),
                    respondents integer NOT NULL CHECK (respondents > 0),
                    csat integer CHECK (csat BETWEEN 0 AND 100),
                    measured_at timestamptz NOT NULL
                );
                CREATE INDEX ix_account_satisfaction_campaign ON account_satisfaction (campaign_id);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TABLE account_satisfaction;
                CREATE VIEW account_satisfaction AS
                SELECT NULL::uuid AS account_id, NULL::integer AS nps WHERE false;
                """);

            migrationBuilder.DropTable(
                name: "survey_answers");

            migrationBuilder.DropTable(
                name: "survey_responses");

            migrationBuilder.DropCheckConstraint(
                name: "ck_survey_invitations_hash",
                table: "survey_invitations");

            migrationBuilder.DropCheckConstraint(
                name: "ck_survey_invitations_nonce",
                table: "survey_invitations");

            migrationBuilder.AlterColumn<byte[]>(
                name: "token_nonce",
                table: "survey_invitations",
                type: "bytea",
                nullable: false,
                defaultValue: new byte[0],
                oldClrType: typeof(byte[]),
                oldType: "bytea",
                oldNullable: true);

            migrationBuilder.AlterColumn<byte[]>(
                name: "token_hash",
                table: "survey_invitations",
                type: "bytea",
                nullable: false,
                defaultValue: new byte[0],
                oldClrType: typeof(byte[]),
                oldType: "bytea",
                oldNullable: true);

            migrationBuilder.AddCheckConstraint(
                name: "ck_survey_invitations_hash",
                table: "survey_invitations",
                sql: "octet_length(token_hash) = 32");

            migrationBuilder.AddCheckConstraint(
                name: "ck_survey_invitations_nonce",
                table: "survey_invitations",
                sql: "octet_length(token_nonce) = 16");
        }
    }
}
