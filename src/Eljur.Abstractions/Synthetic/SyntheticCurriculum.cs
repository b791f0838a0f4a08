using System;

namespace Eljur.Abstractions.Synthetic;

/// <summary>
/// The fixed vocabulary of the synthetic schools: subjects with weekly hours by grade (after the
/// federal basic curriculum, 5-day week), lesson topics, bells and Russian names.
/// </summary>
internal static class SyntheticCurriculum
{
    /// <summary>Lesson start and end, minutes after midnight, for up to eight lessons a day.</summary>
    public static readonly (int Start, int End)[] Bells =
    {
        (8 * 60, (8 * 60) + 40), ((8 * 60) + 50, (9 * 60) + 30), ((9 * 60) + 45, (10 * 60) + 25), ((10 * 60) + 40, (11 * 60) + 20),
        ((11 * 60) + 35, (12 * 60) + 15), ((12 * 60) + 25, (13 * 60) + 5), ((13 * 60) + 15, (13 * 60) + 55), ((14 * 60) + 5, (14 * 60) + 45),
    };

    /// <summary>Every subject; the index is used by <see cref="Hours"/>.</summary>
    public static readonly SubjectInfo[] Subjects =
    {
        new("rus", "Русский язык", SubjectHomework.Exercises, 10, "Звуки и буквы", "Состав слова", "Имя существительное", "Имя прилагательное", "Глагол", "Правописание безударных гласных", "Словосочетание", "Простое предложение", "Однородные члены предложения", "Сложное предложение", "Прямая речь", "Причастный оборот"),
        new("lit", "Литература", SubjectHomework.Reading, 15, "Устное народное творчество", "А. С. Пушкин. Лирика", "М. Ю. Лермонтов «Бородино»", "Н. В. Гоголь «Вечера на хуторе близ Диканьки»", "И. С. Тургенев «Муму»", "Н. А. Некрасов. Стихотворения", "Л. Н. Толстой «Кавказский пленник»", "А. П. Чехов. Рассказы", "Поэзия Серебряного века", "М. А. Шолохов «Судьба человека»"),
        new("read", "Литературное чтение", SubjectHomework.Reading, 0, "Сказки народов России", "Басни И. А. Крылова", "Стихи о природе", "Рассказы о детях", "Произведения о животных", "Весенние стихи"),
        new("math", "Математика", SubjectHomework.Problems, 10, "Натуральные числа", "Сложение и вычитание", "Умножение и деление", "Обыкновенные дроби", "Десятичные дроби", "Проценты", "Отношения и пропорции", "Положительные и отрицательные числа", "Решение текстовых задач"),
        new("alg", "Алгебра", SubjectHomework.Problems, 10, "Выражения с переменными", "Линейные уравнения", "Степень с натуральным показателем", "Многочлены", "Формулы сокращённого умножения", "Квадратные корни", "Квадратные уравнения", "Неравенства", "Функции и графики", "Арифметическая прогрессия"),
        new("geom", "Геометрия", SubjectHomework.Problems, 10, "Треугольники", "Признаки равенства треугольников", "Параллельные прямые", "Четырёхугольники", "Площадь многоугольника", "Теорема Пифагора", "Подобные треугольники", "Окружность", "Векторы"),
        new("prob", "Вероятность и статистика", SubjectHomework.Problems, 0, "Представление данных", "Описательная статистика", "Случайные события", "Вероятность события", "Комбинаторика"),
        new("inf", "Информатика", SubjectHomework.Paragraph, 0, "Информация и информационные процессы", "Системы счисления", "Алгоритмы и исполнители", "Ветвления и циклы", "Электронные таблицы", "Компьютерные сети"),
        new("hist", "История", SubjectHomework.Paragraph, 0, "Древний Египет", "Древняя Греция", "Древний Рим", "Русь в IX–XII веках", "Московское государство", "Реформы Петра I", "Отечественная война 1812 года", "Великие реформы", "Россия в XX веке"),
        new("soc", "Обществознание", SubjectHomework.Paragraph, 0, "Человек и общество", "Семья и права ребёнка", "Экономика семьи", "Государство и право", "Конституция Российской Федерации", "Гражданин и общество"),
        new("geo", "География", SubjectHomework.Paragraph, 0, "План и карта", "Литосфера", "Гидросфера", "Атмосфера", "Природные зоны", "География России"),
        new("bio", "Биология", SubjectHomework.Paragraph, 0, "Клетка", "Растения", "Животные", "Человек и его здоровье", "Экосистемы", "Наследственность"),
        new("phys", "Физика", SubjectHomework.Problems, 12, "Механическое движение", "Масса и плотность", "Сила", "Давление", "Работа и мощность", "Тепловые явления", "Электрический ток", "Световые явления"),
        new("chem", "Химия", SubjectHomework.Problems, 12, "Вещества и их свойства", "Атомы и молекулы", "Периодический закон", "Химические реакции", "Растворы", "Кислоты и основания"),
        new("eng", "Английский язык", SubjectHomework.Exercises, 12, "Моя семья", "Мой город", "Школьная жизнь", "Present Simple", "Past Simple", "Путешествия", "Спорт и здоровье", "Future Simple"),
        new("env", "Окружающий мир", SubjectHomework.Paragraph, 0, "Природа и человек", "Времена года", "Наша страна", "Растения и животные", "Здоровый образ жизни"),
        new("music", "Музыка", SubjectHomework.None, 0, "Музыка вокруг нас", "Народная музыка", "Композиторы-классики", "Музыкальный театр"),
        new("art", "Изобразительное искусство", SubjectHomework.None, 0, "Цвет и форма", "Натюрморт", "Пейзаж", "Народные промыслы"),
        new("tech", "Труд (технология)", SubjectHomework.None, 0, "Материалы и инструменты", "Работа с бумагой", "Конструирование", "Проект"),
        new("pe", "Физическая культура", SubjectHomework.None, 0, "Лёгкая атлетика", "Гимнастика", "Спортивные игры", "Лыжная подготовка", "Подвижные игры"),
        new("obzh", "Основы безопасности и защиты Родины", SubjectHomework.Paragraph, 0, "Безопасность в быту", "Пожарная безопасность", "Первая помощь", "Чрезвычайные ситуации"),
        new("orkse", "Основы религиозных культур и светской этики", SubjectHomework.None, 0, "Культура и мораль", "Праздники народов России", "Добро и зло"),
        new("proj", "Индивидуальный проект", SubjectHomework.None, 0, "Тема и цель проекта", "Сбор материала", "Оформление проекта", "Защита проекта"),
    };

    /// <summary>Weekly hours by grade (index 1–11): pairs of subject id and hours.</summary>
    public static readonly string[] Hours =
    {
        "",
        "rus:5 read:4 math:4 env:2 music:1 art:1 tech:1 pe:3",
        "rus:5 read:4 eng:2 math:4 env:2 music:1 art:1 tech:1 pe:2",
        "rus:5 read:4 eng:2 math:4 env:2 music:1 art:1 tech:1 pe:2",
        "rus:5 read:3 eng:2 math:4 env:2 orkse:1 music:1 art:1 tech:1 pe:2",
        "rus:5 lit:3 eng:3 math:5 hist:2 geo:1 bio:1 music:1 art:1 tech:2 pe:2",
        "rus:6 lit:3 eng:3 math:5 hist:2 soc:1 geo:1 bio:1 music:1 art:1 tech:2 pe:2",
        "rus:4 lit:2 eng:3 alg:3 geom:2 prob:1 inf:1 hist:2 soc:1 geo:2 bio:1 phys:2 music:1 art:1 tech:2 pe:2",
        "rus:3 lit:2 eng:3 alg:3 geom:2 prob:1 inf:1 hist:2 soc:1 geo:2 bio:2 phys:2 chem:2 music:1 tech:1 obzh:1 pe:2",
        "rus:3 lit:3 eng:3 alg:3 geom:2 prob:1 inf:1 hist:2 soc:1 geo:2 bio:2 phys:3 chem:2 obzh:1 pe:2",
        "rus:2 lit:3 eng:3 alg:4 geom:3 prob:1 inf:1 hist:2 soc:2 geo:1 bio:1 phys:2 chem:1 obzh:1 pe:2 proj:1",
        "rus:2 lit:3 eng:3 alg:4 geom:3 prob:1 inf:1 hist:2 soc:2 geo:1 bio:1 phys:2 chem:1 obzh:1 pe:2",
    };

    /// <summary>Class letters.</summary>
    public static readonly string[] Letters = { "А", "Б", "В", "Г", "Д", "Е", "Ж", "З", "И", "К", "Л", "М" };

    /// <summary>Male surnames; the female form adds «а».</summary>
    public static readonly string[] Surnames =
    {
        "Иванов", "Смирнов", "Кузнецов", "Попов", "Васильев", "Петров", "Соколов", "Михайлов", "Новиков", "Фёдоров",
        "Морозов", "Волков", "Алексеев", "Лебедев", "Семёнов", "Егоров", "Павлов", "Козлов", "Степанов", "Николаев",
        "Орлов", "Андреев", "Макаров", "Никитин", "Захаров", "Зайцев", "Соловьёв", "Борисов", "Яковлев", "Григорьев",
        "Романов", "Воробьёв", "Сергеев", "Кузьмин", "Фролов", "Александров", "Дмитриев", "Королёв", "Гусев", "Киселёв",
        "Ильин", "Максимов", "Поляков", "Сорокин", "Виноградов", "Ковалёв", "Белов", "Медведев", "Антонов", "Тарасов",
        "Хабибуллин", "Галиев", "Сафин", "Ахметов", "Шарипов", "Валиев", "Гарипов", "Юсупов", "Исмагилов", "Мухаметов",
    };

    /// <summary>Boys' first names.</summary>
    public static readonly string[] BoyNames =
    {
        "Александр", "Максим", "Михаил", "Артём", "Даниил", "Иван", "Дмитрий", "Кирилл", "Андрей", "Егор",
        "Никита", "Илья", "Алексей", "Матвей", "Тимофей", "Роман", "Владимир", "Ярослав", "Фёдор", "Тимур",
        "Марат", "Айдар", "Руслан", "Булат", "Салават", "Лев", "Марк", "Глеб", "Степан", "Арсений",
    };

    /// <summary>Girls' first names.</summary>
    public static readonly string[] GirlNames =
    {
        "Анастасия", "Мария", "Анна", "Виктория", "Екатерина", "Наталья", "Марина", "Полина", "София", "Дарья",
        "Алиса", "Ксения", "Александра", "Елизавета", "Варвара", "Вероника", "Арина", "Ульяна", "Милана", "Ева",
        "Алсу", "Айгуль", "Лилия", "Камила", "Диана", "Эвелина", "Василиса", "Таисия", "Злата", "Кира",
    };

    /// <summary>Patronymics of staff, male form; the female form is derived.</summary>
    public static readonly string[] Patronymics =
    {
        "Александрович", "Сергеевич", "Владимирович", "Николаевич", "Петрович", "Иванович", "Михайлович", "Андреевич",
        "Юрьевич", "Викторович", "Олегович", "Рустамович", "Ринатович", "Фаритович",
    };

    /// <summary>Finds a subject's index by id.</summary>
    /// <param name="id">Subject id.</param>
    /// <returns>The index.</returns>
    public static int IndexOf(string id)
    {
        for (var i = 0; i < Subjects.Length; i++)
        {
            if (Subjects[i].Id == id)
            {
                return i;
            }
        }

        throw new ArgumentException("unknown subject " + id, nameof(id));
    }

    /// <summary>The female form of a surname or patronymic.</summary>
    /// <param name="male">Male form.</param>
    /// <returns>Female form.</returns>
    public static string Female(string male) =>
        male.EndsWith("ич", StringComparison.Ordinal) ? male.Substring(0, male.Length - 2) + "на"
        : male.EndsWith("ий", StringComparison.Ordinal) ? male.Substring(0, male.Length - 2) + "ая"
        : male + "а";
}

/// <summary>How homework of a subject is phrased.</summary>
internal enum SubjectHomework
{
    /// <summary>No homework.</summary>
    None,

    /// <summary>«§ n, упр. m».</summary>
    Exercises,

    /// <summary>«Прочитать с. a–b».</summary>
    Reading,

    /// <summary>«№ a–b».</summary>
    Problems,

    /// <summary>«§ n, вопросы».</summary>
    Paragraph,
}

/// <summary>A subject of the synthetic curriculum.</summary>
internal sealed class SubjectInfo
{
    public SubjectInfo(string id, string name, SubjectHomework homework, int testEvery, params string[] topics)
    {
        Id = id;
        Name = name;
        Homework = homework;
        TestEvery = testEvery;
        Topics = topics;
    }

    /// <summary>Subject id.</summary>
    public string Id { get; }

    /// <summary>Russian name.</summary>
    public string Name { get; }

    /// <summary>How homework is phrased.</summary>
    public SubjectHomework Homework { get; }

    /// <summary>Every n-th lesson of a class in this subject is a written test; 0 for none.</summary>
    public int TestEvery { get; }

    /// <summary>Topic stems, taken in turn.</summary>
    public string[] Topics { get; }

    /// <summary>Working days to mark written work under the <c>lyceum68-ufa-2023</c> preset (cl. 5.4).</summary>
    public int WrittenDays => Id is "rus" or "lit" ? 10 : 5;
}
