using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KeyAccount.Infrastructure.Persistence.Migrations
{
    /// <summary>
    /// Who is on each account — its owner and the members of its team — as one relation (Sql/AccountViewersSql.cs):
    /// the single definition of what an AccountManager sees, read by EF (AccountViewer) and by set-based SQL alike.
    /// </summary>
    public partial class AccountViewersView : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // UNION ALL keeps the view a plain append of two indexed relations, so a filter on user_id is pushed into
            // both branches (accounts by owner_id, team members by user_id); the duplicate row of an owner who is also
            // on the team is harmless under EXISTS / IN.
            migrationBuilder.Sql("""
                CREATE VIEW account_viewers AS
                SELECT a.id AS account_id, a.owner_id AS user_id FROM accounts a
                UNION ALL
                SELECT t.account_id, t.user_id FROM account_team_members t;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP VIEW IF EXISTS account_viewers;");
        }
    }
}
