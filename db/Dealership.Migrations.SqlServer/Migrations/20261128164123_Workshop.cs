using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dealership.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class Workshop : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "BookedByCustomer",
                table: "ServiceAppointments",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTime>(
                name: "CollectedAt",
                table: "ServiceAppointments",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "CollectedBy",
                table: "ServiceAppointments",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "InspectedAt",
                table: "ServiceAppointments",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "InspectedBy",
                table: "ServiceAppointments",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "NoShowAt",
                table: "ServiceAppointments",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "PaidAmount",
                table: "ServiceAppointments",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PaymentMethod",
                table: "ServiceAppointments",
                type: "nvarchar(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PaymentReference",
                table: "ServiceAppointments",
                type: "nvarchar(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ReadyAt",
                table: "ServiceAppointments",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "WorkStartedAt",
                table: "ServiceAppointments",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ExtraWorkId",
                table: "AppointmentPartLines",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ExtraWork",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    FindingNumber = table.Column<int>(type: "int", nullable: false),
                    Urgency = table.Column<string>(type: "nvarchar(6)", maxLength: 6, nullable: false),
                    Title = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    IfYouWait = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    LabourMinutes = table.Column<int>(type: "int", nullable: false),
                    LabourAmount = table.Column<long>(type: "bigint", nullable: false),
                    PartsAmount = table.Column<long>(type: "bigint", nullable: false),
                    ReadyByIfApproved = table.Column<DateTime>(type: "datetime2", nullable: true),
                    Status = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false),
                    ProposedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    ViewedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    AnsweredAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    AnsweredVia = table.Column<string>(type: "nvarchar(14)", maxLength: 14, nullable: true),
                    AnswerRecordedBy = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    StartedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    DoneAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    AppointmentId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExtraWork", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExtraWork_ServiceAppointments_AppointmentId",
                        column: x => x.AppointmentId,
                        principalTable: "ServiceAppointments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "InspectionFindings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Number = table.Column<int>(type: "int", nullable: false),
                    Area = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: false),
                    Rating = table.Column<string>(type: "nvarchar(6)", maxLength: 6, nullable: false),
                    Note = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    AppointmentId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InspectionFindings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InspectionFindings_ServiceAppointments_AppointmentId",
                        column: x => x.AppointmentId,
                        principalTable: "ServiceAppointments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "InspectionPhotos",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AppointmentId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    FindingNumber = table.Column<int>(type: "int", nullable: false),
                    ContentType = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Bytes = table.Column<long>(type: "bigint", nullable: false),
                    StoredName = table.Column<string>(type: "nvarchar(80)", maxLength: 80, nullable: false),
                    AddedAt = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InspectionPhotos", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InspectionPhotos_ServiceAppointments_AppointmentId",
                        column: x => x.AppointmentId,
                        principalTable: "ServiceAppointments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ExtraWorkParts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    PartId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PartNumber = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Description = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Quantity = table.Column<int>(type: "int", nullable: false),
                    UnitPrice = table.Column<long>(type: "bigint", nullable: false),
                    ExtraWorkId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExtraWorkParts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExtraWorkParts_ExtraWork_ExtraWorkId",
                        column: x => x.ExtraWorkId,
                        principalTable: "ExtraWork",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ServiceAppointments_SiteId_Status_PromisedReadyAt",
                table: "ServiceAppointments",
                columns: new[] { "SiteId", "Status", "PromisedReadyAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ExtraWork_AppointmentId",
                table: "ExtraWork",
                column: "AppointmentId");

            migrationBuilder.CreateIndex(
                name: "IX_ExtraWorkParts_ExtraWorkId",
                table: "ExtraWorkParts",
                column: "ExtraWorkId");

            migrationBuilder.CreateIndex(
                name: "IX_InspectionFindings_AppointmentId",
                table: "InspectionFindings",
                column: "AppointmentId");

            migrationBuilder.CreateIndex(
                name: "IX_InspectionPhotos_AppointmentId",
                table: "InspectionPhotos",
                column: "AppointmentId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ExtraWorkParts");

            migrationBuilder.DropTable(
                name: "InspectionFindings");

            migrationBuilder.DropTable(
                name: "InspectionPhotos");

            migrationBuilder.DropTable(
                name: "ExtraWork");

            migrationBuilder.DropIndex(
                name: "IX_ServiceAppointments_SiteId_Status_PromisedReadyAt",
                table: "ServiceAppointments");

            migrationBuilder.DropColumn(
                name: "BookedByCustomer",
                table: "ServiceAppointments");

            migrationBuilder.DropColumn(
                name: "CollectedAt",
                table: "ServiceAppointments");

            migrationBuilder.DropColumn(
                name: "CollectedBy",
                table: "ServiceAppointments");

            migrationBuilder.DropColumn(
                name: "InspectedAt",
                table: "ServiceAppointments");

            migrationBuilder.DropColumn(
                name: "InspectedBy",
                table: "ServiceAppointments");

            migrationBuilder.DropColumn(
                name: "NoShowAt",
                table: "ServiceAppointments");

            migrationBuilder.DropColumn(
                name: "PaidAmount",
                table: "ServiceAppointments");

            migrationBuilder.DropColumn(
                name: "PaymentMethod",
                table: "ServiceAppointments");

            migrationBuilder.DropColumn(
                name: "PaymentReference",
                table: "ServiceAppointments");

            migrationBuilder.DropColumn(
                name: "ReadyAt",
                table: "ServiceAppointments");

            migrationBuilder.DropColumn(
                name: "WorkStartedAt",
                table: "ServiceAppointments");

            migrationBuilder.DropColumn(
                name: "ExtraWorkId",
                table: "AppointmentPartLines");
        }
    }
}
