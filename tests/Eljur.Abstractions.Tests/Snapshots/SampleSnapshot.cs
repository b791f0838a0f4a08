namespace Eljur.Abstractions.Tests.Snapshots;

/// <summary>A snapshot that uses every entity, field and enumeration value of <c>eljur.snapshot/1</c>.</summary>
internal static class SampleSnapshot
{
    public const string Json = """
        {
          "format": "eljur.snapshot/1",
          "generator": { "name": "выгрузка", "version": 2, "flags": [true, null, 1.50, 123456789012345678901234567890] },
          "source": {
            "connector": "eljur",
            "instance": "school-66-ekb",
            "fetchedAt": "2024-10-01T18:05:00+05:00",
            "from": "2024-09-01",
            "to": "2024-10-01",
            "capabilities": ["lessons", "topics", "homework", "marks", "absences", "periods", "plans", "giaResults",
              "accounts", "logins", "operations", "archive", "consents", "entryTimes", "revisions", "authors", "lessonTimes"],
            "pollIntervalMinutes": 30
          },
          "school": {
            "id": "66-001",
            "name": "МАОУ СОШ № 1 г. Екатеринбурга",
            "timeZone": "Asia/Yekaterinburg",
            "workWeek": 6,
            "region": "Свердловская область"
          },
          "periods": [
            { "id": "q1", "name": "1 четверть", "kind": "quarter", "start": "2024-09-02", "end": "2024-10-25" },
            { "id": "t1", "name": "1 триместр", "kind": "trimester", "start": "2024-09-02", "end": "2024-11-30" },
            { "id": "h1", "name": "1 полугодие", "kind": "halfYear", "start": "2024-09-02", "end": "2024-12-28" },
            { "id": "y", "name": "2024/2025 учебный год", "kind": "year", "start": "2024-09-02", "end": "2025-05-26" }
          ],
          "holidays": [
            { "start": "2024-10-28", "end": "2024-11-04", "name": "Осенние каникулы" }
          ],
          "subjects": [
            { "id": "rus", "name": "Русский язык" },
            { "id": "2300000000000000123", "name": "Алгебра" }
          ],
          "classes": [
            { "id": "c9a", "name": "9А", "grade": 9, "homeroomTeacherId": "t1" }
          ],
          "students": [
            { "id": "s1", "name": "Иванов Иван Иванович", "classId": "c9a", "enrolledOn": "2016-09-01", "consent": true },
            { "id": "s2", "name": "Петрова Мария Сергеевна", "classId": "c9a", "enrolledOn": "2016-09-01",
              "leftOn": "2024-09-30", "consent": false }
          ],
          "staff": [
            { "id": "t1", "name": "Смирнова Елена Павловна", "roles": ["teacher", "classTeacher"] },
            { "id": "t2", "name": "Кузнецов Олег Николаевич",
              "roles": ["teacher", "deputy", "director", "administrator", "secretary"], "employedUntil": "2024-12-31" }
          ],
          "lessons": [
            {
              "id": "l1", "classId": "c9a", "subjectId": "rus", "teacherId": "t1", "substituteId": "t2", "groupId": "g1",
              "date": "2024-09-02", "start": "08:30", "end": "09:15:30", "kind": "test",
              "held": true, "heldAt": "2024-09-02T09:20:00+05:00",
              "topic": "Сложноподчинённые предложения",
              "topicEnteredAt": "2024-09-02T10:00:00.5+05:00", "topicEnteredAfter": "2024-09-02T00:00:00+05:00",
              "homework": "Упр. 15, с. 42 «Повторить правила»",
              "homeworkEnteredAt": "2024-09-02T15:30:00Z", "homeworkEnteredAfter": "2024-09-02T14:00:00Z",
              "comment": "Контрольная работа", "commentEnteredAt": "2024-09-02T09:16:00-03:00",
              "room": "каб. 12"
            },
            { "id": "l2", "classId": "c9a", "subjectId": "2300000000000000123", "teacherId": "t1", "date": "2024-09-03",
              "kind": "regular", "held": false },
            { "id": "l3", "classId": "c9a", "subjectId": "rus", "teacherId": "t1", "date": "2024-09-04", "kind": "lab" },
            { "id": "l4", "classId": "c9a", "subjectId": "rus", "teacherId": "t1", "date": "2024-09-05", "kind": "practical" },
            { "id": "l5", "classId": "c9a", "subjectId": "rus", "teacherId": "t2", "date": "2024-09-06", "kind": "excursion" },
            { "id": "l6", "classId": "c9a", "subjectId": "rus", "date": "2024-09-07" }
          ],
          "absences": [
            { "lessonId": "l1", "studentId": "s1", "reason": "valid", "late": false,
              "enteredAt": "2024-09-02T09:00:00+05:00", "enteredAfter": "2024-09-02T08:30:00+05:00", "enteredBy": "t1" },
            { "lessonId": "l2", "studentId": "s2", "reason": "invalid", "late": true },
            { "lessonId": "l3", "studentId": "s1" }
          ],
          "marks": [
            {
              "id": "m1", "studentId": "s1", "subjectId": "rus", "lessonId": "l1", "date": "2024-09-02", "kind": "written",
              "value": "5", "weight": 2,
              "enteredAt": "2024-09-02T16:00:00.1234567+05:00", "enteredAfter": "2024-09-02T00:00:00+05:00", "enteredBy": "t1",
              "revisions": [
                { "at": "2024-09-02T16:00:00+05:00", "by": "t1", "from": "", "to": "4" },
                { "at": "2024-09-03T08:00:00Z", "after": "2024-09-02T20:00:00Z", "by": "s1", "from": "4", "to": "5",
                  "source": "опрос" }
              ],
              "note": { "x": 1, "текст": "ок" }
            },
            { "id": "m2", "studentId": "s2", "subjectId": "2300000000000000123", "date": "2024-10-25", "kind": "period",
              "periodId": "q1", "value": "3/5", "weight": 1.50 },
            { "id": "m3", "studentId": "s1", "subjectId": "rus", "lessonId": "l3", "date": "2024-09-04", "kind": "current",
              "value": "зач" },
            { "id": "m4", "studentId": "s1", "subjectId": "rus", "date": "2025-05-26", "kind": "year", "value": "н/а" },
            { "id": "m5", "studentId": "s1", "subjectId": "rus", "date": "2025-05-30", "kind": "exam", "value": "4" },
            { "id": "m6", "studentId": "s1", "subjectId": "rus", "date": "2025-06-01", "kind": "gia", "value": "4" },
            { "id": "m7", "studentId": "s1", "subjectId": "rus", "date": "2025-06-20", "kind": "final", "value": "5",
              "weight": 0.25 }
          ],
          "plans": [
            { "classId": "c9a", "subjectId": "rus", "plannedHours": 102, "curriculumHours": 102.5,
              "enteredAt": "2024-08-30T12:00:00+05:00" }
          ],
          "giaResults": [
            { "studentId": "s1", "subjectId": "rus", "value": "5", "announcedOn": "2025-06-20",
              "enteredAt": "2025-06-21T10:00:00+05:00" }
          ],
          "accounts": [
            { "id": "a1", "personId": "s1", "role": "student", "createdAt": "2024-09-01T08:00:00+05:00",
              "activatedAt": "2024-09-01T19:00:00+05:00", "active": true, "lastLoginAt": "2024-09-30T21:15:00+05:00" },
            { "id": "a2", "personId": "p1", "role": "parent", "studentIds": ["s1", "s2"],
              "createdAt": "2024-09-01T08:00:00+05:00", "active": false },
            { "id": "a3", "personId": "t1", "role": "teacher", "active": true },
            { "id": "a4", "personId": "t2", "role": "administration", "active": true }
          ],
          "logins": [
            { "accountId": "a1", "at": "2024-09-05T19:45:00+05:00" }
          ],
          "operations": [
            { "kind": "backup", "at": "2024-09-30T23:00:00+05:00", "copies": 2, "scope": "journal" },
            { "kind": "archive", "at": "2024-06-30T12:00:00+05:00", "copies": 1, "scope": "finalMarks" },
            { "kind": "export", "at": "2024-07-01T12:00:00+05:00" },
            { "kind": "print", "at": "2024-06-29T12:00:00+05:00", "copies": 1, "scope": "summarySheet" }
          ],
          "archive": [
            { "id": "ar1", "documentType": "classJournal", "schoolYear": "2023/2024", "classId": "c9a",
              "archivedOn": "2024-06-30", "destroyedOn": "2029-07-01" },
            { "id": "ar2", "documentType": "summarySheet", "schoolYear": "2023/2024", "archivedOn": "2024-06-30" },
            { "id": "ar3", "documentType": "electronicCopy", "schoolYear": "2023/2024", "archivedOn": "2024-07-01" }
          ]
        }
        """;
}
