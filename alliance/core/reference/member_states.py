"""The 194 ITU Member States and their ITU-D region.

Source: the ITU-D (BDT) regional presence of itu.int, i.e. the country lists of
the six regions: Africa, Americas, Arab States, Asia and the Pacific, CIS and
Europe. The region codes are those ITU itself uses for the "ITU/BDT
classification" in its statistics (ITU DataHub). These are not the ITU Council
electoral regions A to E.

Judgement calls:
- Membership: the 193 UN member states plus the Holy See (VA). Palau (PW) was the
  last UN member to join, becoming ITU's 194th Member State on 19 September 2024
  (ITU press release, 19 September 2024). Before that date ITU counted 193
  Member States, and Palau is the only difference. Palestine is an observer and
  is not listed.
- Arab States: the Arab League members apart from Palestine (21). They are
  mapped to ARB, not AFR, and this includes the African ones (Algeria, Comoros,
  Djibouti, Egypt, Libya, Mauritania, Morocco, Somalia, Sudan, Tunisia).
- CIS: the ten countries that take part in the Regional Commonwealth in the
  Field of Communications (RCC) and are served by the ITU Regional Office in
  Moscow, Moldova included.
- Georgia and Ukraine: mapped to EUR. Older ITU-D groupings (for example the
  2009 ITU statistical profile of the CIS region) put them in CIS. Georgia left
  the CIS in 2009 and Ukraine ended its participation in 2018; both are CEPT
  members. This placement is not confirmed against a current itu.int country
  list; move both to CIS if the BDT list still has them there.
- Iran is in ASP. Israel, Türkiye and Cyprus are in EUR.
"""

# ISO 3166-1 alpha-2 code -> ITU-D region code (AFR, AMS, ARB, ASP, CIS, EUR)
MEMBER_STATES: dict[str, str] = {
    "AD": "EUR",  # Andorra
    "AE": "ARB",  # United Arab Emirates
    "AF": "ASP",  # Afghanistan
    "AG": "AMS",  # Antigua and Barbuda
    "AL": "EUR",  # Albania
    "AM": "CIS",  # Armenia
    "AO": "AFR",  # Angola
    "AR": "AMS",  # Argentina
    "AT": "EUR",  # Austria
    "AU": "ASP",  # Australia
    "AZ": "CIS",  # Azerbaijan
    "BA": "EUR",  # Bosnia and Herzegovina
    "BB": "AMS",  # Barbados
    "BD": "ASP",  # Bangladesh
    "BE": "EUR",  # Belgium
    "BF": "AFR",  # Burkina Faso
    "BG": "EUR",  # Bulgaria
    "BH": "ARB",  # Bahrain
    "BI": "AFR",  # Burundi
    "BJ": "AFR",  # Benin
    "BN": "ASP",  # Brunei
    "BO": "AMS",  # Bolivia
    "BR": "AMS",  # Brazil
    "BS": "AMS",  # Bahamas
    "BT": "ASP",  # Bhutan
    "BW": "AFR",  # Botswana
    "BY": "CIS",  # Belarus
    "BZ": "AMS",  # Belize
    "CA": "AMS",  # Canada
    "CD": "AFR",  # Democratic Republic of the Congo
    "CF": "AFR",  # Central African Republic
    "CG": "AFR",  # Congo
    "CH": "EUR",  # Switzerland
    "CI": "AFR",  # Côte d'Ivoire
    "CL": "AMS",  # Chile
    "CM": "AFR",  # Cameroon
    "CN": "ASP",  # China
    "CO": "AMS",  # Colombia
    "CR": "AMS",  # Costa Rica
    "CU": "AMS",  # Cuba
    "CV": "AFR",  # Cabo Verde
    "CY": "EUR",  # Cyprus
    "CZ": "EUR",  # Czechia
    "DE": "EUR",  # Germany
    "DJ": "ARB",  # Djibouti
    "DK": "EUR",  # Denmark
    "DM": "AMS",  # Dominica
    "DO": "AMS",  # Dominican Republic
    "DZ": "ARB",  # Algeria
    "EC": "AMS",  # Ecuador
    "EE": "EUR",  # Estonia
    "EG": "ARB",  # Egypt
    "ER": "AFR",  # Eritrea
    "ES": "EUR",  # Spain
    "ET": "AFR",  # Ethiopia
    "FI": "EUR",  # Finland
    "FJ": "ASP",  # Fiji
    "FM": "ASP",  # Micronesia
    "FR": "EUR",  # France
    "GA": "AFR",  # Gabon
    "GB": "EUR",  # United Kingdom
    "GD": "AMS",  # Grenada
    "GE": "EUR",  # Georgia
    "GH": "AFR",  # Ghana
    "GM": "AFR",  # Gambia
    "GN": "AFR",  # Guinea
    "GQ": "AFR",  # Equatorial Guinea
    "GR": "EUR",  # Greece
    "GT": "AMS",  # Guatemala
    "GW": "AFR",  # Guinea-Bissau
    "GY": "AMS",  # Guyana
    "HN": "AMS",  # Honduras
    "HR": "EUR",  # Croatia
    "HT": "AMS",  # Haiti
    "HU": "EUR",  # Hungary
    "ID": "ASP",  # Indonesia
    "IE": "EUR",  # Ireland
    "IL": "EUR",  # Israel
    "IN": "ASP",  # India
    "IQ": "ARB",  # Iraq
    "IR": "ASP",  # Iran
    "IS": "EUR",  # Iceland
    "IT": "EUR",  # Italy
    "JM": "AMS",  # Jamaica
    "JO": "ARB",  # Jordan
    "JP": "ASP",  # Japan
    "KE": "AFR",  # Kenya
    "KG": "CIS",  # Kyrgyzstan
    "KH": "ASP",  # Cambodia
    "KI": "ASP",  # Kiribati
    "KM": "ARB",  # Comoros
    "KN": "AMS",  # Saint Kitts and Nevis
    "KP": "ASP",  # North Korea
    "KR": "ASP",  # South Korea
    "KW": "ARB",  # Kuwait
    "KZ": "CIS",  # Kazakhstan
    "LA": "ASP",  # Laos
    "LB": "ARB",  # Lebanon
    "LC": "AMS",  # Saint Lucia
    "LI": "EUR",  # Liechtenstein
    "LK": "ASP",  # Sri Lanka
    "LR": "AFR",  # Liberia
    "LS": "AFR",  # Lesotho
    "LT": "EUR",  # Lithuania
    "LU": "EUR",  # Luxembourg
    "LV": "EUR",  # Latvia
    "LY": "ARB",  # Libya
    "MA": "ARB",  # Morocco
    "MC": "EUR",  # Monaco
    "MD": "CIS",  # Moldova
    "ME": "EUR",  # Montenegro
    "MG": "AFR",  # Madagascar
    "MH": "ASP",  # Marshall Islands
    "MK": "EUR",  # North Macedonia
    "ML": "AFR",  # Mali
    "MM": "ASP",  # Myanmar
    "MN": "ASP",  # Mongolia
    "MR": "ARB",  # Mauritania
    "MT": "EUR",  # Malta
    "MU": "AFR",  # Mauritius
    "MV": "ASP",  # Maldives
    "MW": "AFR",  # Malawi
    "MX": "AMS",  # Mexico
    "MY": "ASP",  # Malaysia
    "MZ": "AFR",  # Mozambique
    "NA": "AFR",  # Namibia
    "NE": "AFR",  # Niger
    "NG": "AFR",  # Nigeria
    "NI": "AMS",  # Nicaragua
    "NL": "EUR",  # Netherlands
    "NO": "EUR",  # Norway
    "NP": "ASP",  # Nepal
    "NR": "ASP",  # Nauru
    "NZ": "ASP",  # New Zealand
    "OM": "ARB",  # Oman
    "PA": "AMS",  # Panama
    "PE": "AMS",  # Peru
    "PG": "ASP",  # Papua New Guinea
    "PH": "ASP",  # Philippines
    "PK": "ASP",  # Pakistan
    "PL": "EUR",  # Poland
    "PT": "EUR",  # Portugal
    "PW": "ASP",  # Palau
    "PY": "AMS",  # Paraguay
    "QA": "ARB",  # Qatar
    "RO": "EUR",  # Romania
    "RS": "EUR",  # Serbia
    "RU": "CIS",  # Russia
    "RW": "AFR",  # Rwanda
    "SA": "ARB",  # Saudi Arabia
    "SB": "ASP",  # Solomon Islands
    "SC": "AFR",  # Seychelles
    "SD": "ARB",  # Sudan
    "SE": "EUR",  # Sweden
    "SG": "ASP",  # Singapore
    "SI": "EUR",  # Slovenia
    "SK": "EUR",  # Slovakia
    "SL": "AFR",  # Sierra Leone
    "SM": "EUR",  # San Marino
    "SN": "AFR",  # Senegal
    "SO": "ARB",  # Somalia
    "SR": "AMS",  # Suriname
    "SS": "AFR",  # South Sudan
    "ST": "AFR",  # Sao Tome and Principe
    "SV": "AMS",  # El Salvador
    "SY": "ARB",  # Syria
    "SZ": "AFR",  # Eswatini
    "TD": "AFR",  # Chad
    "TG": "AFR",  # Togo
    "TH": "ASP",  # Thailand
    "TJ": "CIS",  # Tajikistan
    "TL": "ASP",  # Timor-Leste
    "TM": "CIS",  # Turkmenistan
    "TN": "ARB",  # Tunisia
    "TO": "ASP",  # Tonga
    "TR": "EUR",  # Türkiye
    "TT": "AMS",  # Trinidad and Tobago
    "TV": "ASP",  # Tuvalu
    "TZ": "AFR",  # Tanzania
    "UA": "EUR",  # Ukraine
    "UG": "AFR",  # Uganda
    "US": "AMS",  # United States of America
    "UY": "AMS",  # Uruguay
    "UZ": "CIS",  # Uzbekistan
    "VA": "EUR",  # Vatican City
    "VC": "AMS",  # Saint Vincent and the Grenadines
    "VE": "AMS",  # Venezuela
    "VN": "ASP",  # Vietnam
    "VU": "ASP",  # Vanuatu
    "WS": "ASP",  # Samoa
    "YE": "ARB",  # Yemen
    "ZA": "AFR",  # South Africa
    "ZM": "AFR",  # Zambia
    "ZW": "AFR",  # Zimbabwe
}
