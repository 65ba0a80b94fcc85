//! The article page this app rebuilds, as content: the article and its nine Read More cards,
//! with the text exactly as the original page shows it (typos included), so tests can check
//! that the logic reproduces what that page printed.

use crate::model::{Article, ArticleSummary, Block, Category, Image};

pub const ARTICLE_SLUG: &str = "us-and-philippines-conclude-child-protection-compact-partnership";
pub const ARTICLE_CATEGORY_SLUG: &str = "scaling-through-partnerships";

pub const ARTICLE_LEDE: &str = "On April 29, senior U.S. and Philippine government officials \
    conducted the final high-level dialogue to mark accomplishments and outline next steps \
    after the conclusion of the four-year U.S.-Philippines Child Protection Compact (CPC) \
    Partnership.";

const IMAGE_CAPTION: &str = "Dr. Kari Johnstone (left), Acting Director of the U.S. Department \
    of State Office to Monitor and Combat Trafficking in Persons, and Menardo Guevarra (right), \
    Secretary of the Philippine Department of Justice, at the high-level dialogue concluding the \
    four-year U.S.-Philippines Child Protection Compact (CPC) Patrnership.";

const PARAGRAPHS_BEFORE_IMAGE: [&str; 1] = ["Manila, April 29, 2021 — On April 29, senior U.S. \
    and Philippine government officials conducted the final high-level dialogue to mark \
    accomplishments and outline next steps after the conclusion of the four-year \
    U.S.-Philippines Child Protection Compact (CPC) Partnership."];

const PARAGRAPHS_AFTER_IMAGE: [&str; 8] = [
    "The dialogue centered on recognizing the progress made over the last four years towards \
    achieving the CPC Partnership’s objectives of improving the government’s capacity to \
    investigate and prosecute cases of online sexual exploitation of children (OSEC), identify \
    and respond to child labor trafficking, provide comprehensive services to protect child \
    trafficking victims, and prevent future human trafficking crimes. During the meeting, \
    Philippine government officials and civil society leaders committed to carry forward and \
    build on the accomplishments achieved under the Partnership and reaffirmed their \
    commitment to combat all forms of child trafficking.",
    "“Through the CPC, the Philippine government has been able to carve out a more targeted and \
    focused response to OSEC by identifying key objectives and adjusting critical resources in \
    order to address priority responses in the prevention and prosecution of OSEC cases as well \
    as the protection of victim survivors,” said Philippine Department of Justice Secretary \
    Menardo Guevarra.",
    "Emphasizing the U.S. commitment, the U.S. State Department’s Office to Monitor and Combat \
    Trafficking in Persons (TIP Office) Acting Director Dr. Kari Johnstone said,",
    "“Today we celebrate the tremendous work accomplished under the Child Protection Compact \
    Partnership over the last four years and look ahead towards new initiatives to sustain the \
    improved capacity of both the Government of the Philippines and civil society organizations \
    achieved under this partnership.”",
    "“Our strong partnership with the Philippine government and civil society organizations has \
    built a solid foundation reflected in various efforts aimed at eliminating all forms of \
    exploitation against children. I remain confident that this Partnership will become even \
    more effective at combating many forms of abuse against of children in the years to come,” \
    added U.S. Embassy in the Philippines Chargé d’Affaires John Law.",
    "The Partnership, signed by the two governments in 2017, concluded on April 11, 2021. Its \
    jointly developed and implemented plan strengthened the capacity of the Philippine \
    government and civil society to address online sexual exploitation of children and child \
    labor trafficking in the Philippines, specifically improving their ability to prosecute and \
    convict child traffickers, provide comprehensive, trauma-informed care for victims, and \
    prevent these crimes from occurring.",
    "Throughout the Partnership, the TIP Office committed Php237 million ($4.9 million) and the \
    Philippine Department of Justice Inter-Agency Council Against Trafficking in Persons pledged \
    approximately Php44.6 million ($921,760) to meet these objectives. Programming was \
    implemented by partner organizations International Justice Mission and The Salvation Army.",
    "Under it, International Justice Mission has successfully identified 312 child victims of \
    online sexual exploitation and facilitated the arrests of 97 perpetrators of trafficking \
    crimes, while The Salvation Army trained more than 355 social workers on victim-centered \
    care and directly supported 44 survivors in afercare facilities.",
];

fn paragraph(text: &str) -> Block {
    Block::Paragraph { text: text.into() }
}

pub fn category(name: &str) -> Category {
    let slug = name.to_ascii_lowercase().replace(' ', "-");
    Category {
        slug,
        name: name.to_string(),
    }
}

pub fn article() -> Article {
    let image = Block::Image(Image {
        src: "/images/cpc-high-level-dialogue.jpg".to_string(),
        alt: "Dr. Kari Johnstone and Secretary Menardo Guevarra at the dialogue".to_string(),
        decorative: false,
        caption: Some(IMAGE_CAPTION.into()),
        width: 1200,
        height: 800,
        credit: None,
        variants: Vec::new(),
    });
    let body = PARAGRAPHS_BEFORE_IMAGE
        .iter()
        .map(|text| paragraph(text))
        .chain(std::iter::once(image))
        .chain(PARAGRAPHS_AFTER_IMAGE.iter().map(|text| paragraph(text)))
        .collect();
    Article {
        slug: ARTICLE_SLUG.to_string(),
        title: "U.S. and Philippines conclude Child Protection Compact Partnership".to_string(),
        lede: ARTICLE_LEDE.to_string(),
        category: category("Scaling Through Partnerships"),
        published: "2021-04-29".to_string(),
        updated: None,
        label: "PSN".to_string(),
        hero: None,
        reading_time_minutes: None,
        body,
    }
}

/// The Read More cards in the order the page shows them: (slug, title, category, date, lede).
/// Ledes the page cut short are given as far as it showed them.
pub const READ_MORE_CARDS: [(&str, &str, &str, &str, &str); 9] = [
    ("pldt-and-smart-against-osaec", "Tech giants PLDT and Smart remain staunch leaders against OSAEC in the Philippines", "Scaling Through Partnerships", "2025-04-24", "PLDT and Smart’s continued partnership with IJM underscores their keen commitment to safeguarding Filipino children in the digital space."),
    ("building-safer-technologies-for-children", "Building Safer Technologies for Children: Safety By Design For All", "Insights", "2025-04-14", "Safety-by-design approaches are urgently needed to protect children against the threats of OSAEC."),
    ("survivor-leader-testifies-at-senate-hearing", "Survivor Leader Invited to Testify at Senate Hearing", "Survivor Leadership", "2025-04-07", "The Senate Hearing was called by Senator Risa Hontiveros to investigate OSAEC in the Philippines, and the prol"),
    ("2-traffickers-convicted-in-mindanao", "2 Traffickers Convicted in Mindanao for Online Sexual Exploitation of Children", "Justice System", "2025-04-03", "Arrested last year for sexually abusing minors in exchange for money from online sex offenders, a man and a wo"),
    ("manila-prayer-gathering-2025", "Freedom: The Manila Prayer Gathering 2025", "Scaling Through Partnerships", "2025-03-20", "Celebrating answered prayers and praying expectantly for greater success in the fight against OSAEC in the year to come"),
    ("courts-convict-online-sex-trafficker", "Courts convict notorious online sex trafficker arrested after tip-off by concerned citizen on Facebook", "Justice System", "2025-03-19", "Three courts in the provinces of Nueva Vizcaya and Nueva Ecija convicted a man who was arrested by authorities"),
    ("second-judicial-congress", "IJM and the Supreme Court Host the Second Judicial Congress", "Justice System", "2025-03-04", "A two-day townhall meeting among judges, lawyers, advocates of child protection, and survivors of online sexu"),
    ("justice-without-delay", "Justice Without Delay: Government Agencies Join Forces to Streamline the Legal Process in Trafficking Cases", "Justice System", "2025-02-27", "The work of the IACAT-OPG-OSG Legal Task Force expedites the journey toward justice for OSAEC and TIP survivors and casework teams nationwide."),
    ("trafficker-sentenced-to-life-imprisonment", "Trafficker Sentenced to Life Imprisonment for Online Sexual Exploitation of Children", "Justice System", "2025-02-26", "A 27-year-old trafficker will spend the rest of his life behind bars after being convicted of offering to live"),
];

pub fn summary(
    slug: &str,
    title: &str,
    category_name: &str,
    published: &str,
    lede: &str,
) -> ArticleSummary {
    ArticleSummary {
        slug: slug.to_string(),
        title: title.to_string(),
        lede: lede.to_string(),
        category: category(category_name),
        published: published.to_string(),
        label: "PSN".to_string(),
        image: None,
    }
}

pub fn read_more_cards() -> Vec<ArticleSummary> {
    READ_MORE_CARDS
        .iter()
        .map(|&(slug, title, category_name, published, lede)| {
            summary(slug, title, category_name, published, lede)
        })
        .collect()
}
